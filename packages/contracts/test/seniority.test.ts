import { describe, expect, it } from '@jest/globals';
import { parseSeniority, yearsOfExperience, type SeniorityLevel } from '../src/index';

// Titles as boards write them, and the level they state (null: none).
const titles: [string, SeniorityLevel | null][] = [
  ['Software Engineer II', 'mid'],
  ['Software Engineer III, Payments', 'senior'],
  ['Software Engineer I', 'junior'],
  ['Data Analyst 2', 'mid'],
  ['Staff', null],
  ['Staff Software Engineer', 'staff'],
  ['Staff Engineer, Platform', 'staff'],
  ['Staff Go Engineer, Real-Time Bidding', 'staff'],
  ['Engineering Manager, Payroll', 'lead'],
  ['Account Manager, DACH', null],
  ['Staff Nurse – Acute Medical Unit', null],
  ['Staff Accountant', null],
  ['Principal Product Designer', 'principal'],
  ['Principal Data Scientist (Ads)', 'principal'],
  ['Senior Backend Engineer (Go)', 'senior'],
  ['Sr. Frontend Developer', 'senior'],
  ['Sr Product Manager', 'senior'],
  ['Senior Accountant (m/w/d)', 'senior'],
  ['Junior Accountant', 'junior'],
  ['Jr. QA Engineer', 'junior'],
  ['Entry-Level Customer Support Agent', 'junior'],
  ['Graduate Software Engineer 2027', 'junior'],
  ['New Grad Software Engineer', 'junior'],
  ['Associate Product Manager', 'junior'],
  ['Associate Director, Finance', 'director'],
  ['Mid-Level Python Developer', 'mid'],
  ['Medior Java Developer', 'mid'],
  ['Regular Java Developer (B2B)', 'mid'],
  ['Intermediate Accountant', 'mid'],
  ['Software Engineering Intern (Summer 2027)', 'intern'],
  ['Werkstudent (m/w/d) Softwareentwicklung', 'intern'],
  ['Praktikant Marketing', 'intern'],
  ['Stagiaire Développeur Web', 'intern'],
  ['Apprentice Electrician', 'intern'],
  ['Team Lead Customer Support', 'lead'],
  ['Tech Lead – Mobile', 'lead'],
  ['Lead Generation Specialist', null],
  ['Teamleiterin Buchhaltung', 'lead'],
  ['Head of Engineering', 'director'],
  ['Director of Nursing', 'director'],
  ['VP Sales, EMEA', 'director'],
  ['CTO (Series A)', 'director'],
  ['Développeur Full Stack confirmé', 'senior'],
  ['Starszy Specjalista ds. Zakupów', 'senior'],
  ['Backend Engineer', null],
  ['Registered Nurse – Night Shifts', null],
  ['Warehouse Operative', null],
  ['Technical Writer', null],
];

describe('parseSeniority: titles', () => {
  it.each(titles)('%j states %j', (title, level) => {
    expect(parseSeniority(title).level).toBe(level);
  });
});

// Requirements, for a title that names no level.
const requirements: [string, SeniorityLevel | null, number | null][] = [
  ['You have 8+ years of experience building distributed systems.', 'senior', 8],
  ['3-5 years of professional experience in accounting.', 'mid', 3],
  ['At least 4 years’ experience in a similar role.', 'mid', 4],
  ['A minimum of two years of experience in customer support.', 'mid', 2],
  ['1 year of experience with React is a plus.', 'junior', 1],
  ['Mindestens 3 Jahre Berufserfahrung in der Pflege.', 'mid', 3],
  ['Vous avez au moins 6 ans d’expérience en gestion de projet.', 'senior', 6],
  ['This is a senior role: you will own the billing platform.', 'senior', null],
  ['We are hiring a junior engineer to join the team.', 'junior', null],
  ['No prior experience required: we train you.', 'junior', 0],
  ['Recent graduates are welcome to apply.', 'junior', 0],
  ['The company was founded 12 years ago and has 40 people.', null, null],
  ['This is a fixed-term contract for 2 years.', null, null],
  ['We ship software to hospitals.', null, null],
];

describe('parseSeniority: requirements', () => {
  it.each(requirements)('%j states %j with %j years', (description, level, years) => {
    const stated = parseSeniority('Backend Engineer', description);
    expect(stated.level).toBe(level);
    expect(stated.years).toBe(years);
  });

  it('takes the title over the requirements, and still reports the years', () => {
    expect(parseSeniority('Junior Developer', 'You have 2+ years of experience.')).toEqual({ level: 'junior', years: 2, from: 'title' });
  });

  it('reads the least of several year counts asked for', () => {
    expect(yearsOfExperience('5+ years of experience with Go. 3 years of experience with Kubernetes.')).toBe(3);
  });

  it('says where the level came from', () => {
    expect(parseSeniority('Senior Nurse').from).toBe('title');
    expect(parseSeniority('Nurse', 'This is a senior role.').from).toBe('requirements');
    expect(parseSeniority('Nurse', '5 years of experience on a ward.').from).toBe('years');
    expect(parseSeniority('Nurse', '').from).toBeNull();
  });
});
