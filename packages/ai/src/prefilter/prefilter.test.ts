import { createMetricsRegistry } from '@jobping/metrics';
import { describe, expect, it } from '@jest/globals';
import type { JobInput } from '../inputs';
import { Prefilter, prepareJob, preparePrompt } from './prefilter';
import { gate } from './gate';

const prompt = 'Senior backend engineer, TypeScript or Go, remote within the EU. Salary at least €80k. No crypto.';
const job = (overrides: Partial<JobInput>): JobInput => ({
  title: 'Senior Backend Engineer (Go)',
  company: 'Acme',
  location: 'Remote (EU)',
  remote: true,
  salaryMin: 85_000,
  salaryMax: 95_000,
  salaryCurrency: 'EUR',
  salaryPeriod: 'year',
  description: 'Acme builds logistics software.\n\n- Go services on PostgreSQL\n- Senior engineer with 5+ years of experience',
  ...overrides,
});

describe('the pre-filter', () => {
  it('passes a promising pair and says nothing rules it out', () => {
    const decision = new Prefilter().check({ job: job({}), user: { prompt, threshold: 70 } });
    expect(decision).toMatchObject({ pass: true, bound: 100, reasons: [], reason: 'pass: nothing rules it out' });
  });

  it('rules out a role the user excluded, but leaves to the scorer a title that mixes it with the wanted role when they excluded it only alone', () => {
    const prefilter = new Prefilter();
    const user = { prompt: 'Orthoptist in Madrid, 5 years. No receptionist-only jobs.', threshold: 70 };
    const reception = prefilter.check({ job: job({ title: 'Receptionist', location: 'Madrid', remote: false, description: 'Front desk of an eye clinic.' }), user });
    expect(reception.pass).toBe(false);
    expect(reception.reason).toMatch(/hotel reception role: ruled out by the user/);
    const mixed = prefilter.check({ job: job({ title: 'Orthoptist / Receptionist', location: 'Madrid', remote: false, description: 'Orthoptic tests and some front desk work.' }), user });
    expect(mixed.pass).toBe(true);
  });

  it('skips pairs that cannot reach the threshold, with the reason', () => {
    const prefilter = new Prefilter();
    const crypto = prefilter.check({ job: job({ description: 'Acme runs a crypto exchange.\n\n- Go services' }), user: { prompt, threshold: 70 } });
    expect(crypto.pass).toBe(false);
    expect(crypto.reason).toMatch(/^skip: at most 10 < threshold 70: crypto: ruled out by the user \("crypto"\)/);

    const sales = prefilter.check({ job: job({ title: 'Account Executive', description: 'Sell our logistics software.' }), user: { prompt, threshold: 70 } });
    expect(sales.pass).toBe(false);
    expect(sales.reason).toMatch(/sales role; the user wants backend engineering/);

    const lowPay = prefilter.check({ job: job({ salaryMin: 60_000, salaryMax: 65_000 }), user: { prompt, threshold: 80 } });
    expect(lowPay.pass).toBe(false);
    expect(lowPay.reason).toBe("skip: at most 50 < threshold 80: pays at most €60,000–€65,000 per year, below the user's minimum (€80,000)");
  });

  it('leaves to the scorer a title that speaks of what the user asks for, in their words, whatever family the prompt was read as', () => {
    // The families are the gate's least certain reading: "I sit with the sales and finance teams" is not a salesperson's prompt.
    const user = { prompt: 'Data scientist, 4 years of demand forecasting for a retailer, I sit with the sales and finance teams every day. Helsinki or remote Finland.', threshold: 70 };
    const forecasting = new Prefilter().check({ job: job({ title: 'Data Scientist – Forecasting', location: 'Helsinki', remote: false, salaryMin: null, salaryMax: null, description: 'Demand forecasting for a grocery chain.' }), user });
    expect(forecasting.pass).toBe(true);
    // The title's family misread: a maintenance controller plans an airline's maintenance, but "Controller" reads as finance.
    const aircraft = { prompt: 'Part-66 B1 licensed aircraft engineer, ATR and A320 types, based near Bristol Airport. Line maintenance or hangar base both fine. No B2 avionics roles.', threshold: 70 };
    const control = (title: string) => new Prefilter().check({ job: job({ title, location: 'Bristol', remote: false, salaryMin: null, salaryMax: null, description: 'Our control centre plans defect rectification for the fleet.' }), user: aircraft });
    expect(control('Maintenance Controller (MCC)').pass).toBe(true);
    expect(control('Financial Controller').reason).toMatch(/controlling\/FP&A role; the user wants aircraft maintenance/);
    // A title with none of the user's words is still ruled out on its family.
    const sales = new Prefilter().check({ job: job({ title: 'Account Executive', description: 'Sell our logistics software.' }), user: { prompt, threshold: 70 } });
    expect(sales.reason).toMatch(/sales role; the user wants backend engineering/);
  });

  it('leaves to the scorer a posting that seems to pay less than half the floor: a period, a thousand or a currency misread is likelier than such an offer', () => {
    const halfway = new Prefilter().check({ job: job({ salaryMin: 30_000, salaryMax: 38_000 }), user: { prompt, threshold: 70 } });
    expect(halfway.pass).toBe(true);
    const under = new Prefilter().check({ job: job({ salaryMin: 60_000, salaryMax: 65_000 }), user: { prompt, threshold: 80 } });
    expect(under.pass).toBe(false);
  });

  it('leaves to the scorer a basic salary under a floor that counts allowances in', () => {
    const basic = job({ title: 'Senior Quantity Surveyor', location: 'Riyadh', remote: false, salaryMin: 18_000, salaryMax: 18_000, salaryCurrency: 'SAR', salaryPeriod: 'month', description: 'Basic 18,000 plus 25 % housing and 10 % transport allowance.' });
    const check = (floor: string) => new Prefilter().check({ job: basic, user: { prompt: `Senior quantity surveyor in Riyadh. ${floor}`, threshold: 70 } }).pass;
    expect(check('At least SAR 20,000 monthly including housing and transport.')).toBe(true);
    expect(check('Basic salary at least SAR 20,000 monthly.')).toBe(false);
  });

  it('does not rule out a stack next to the one named: a recruiter might still send it', () => {
    const python = new Prefilter().check({ job: job({ title: 'Senior Python Engineer', description: 'Acme.\n\n- Python and Django' }), user: { prompt, threshold: 80 } });
    expect(python.pass).toBe(true);
  });

  it('depends on the threshold: a low threshold lets more pairs through', () => {
    const lowPay = job({ salaryMin: 60_000, salaryMax: 65_000 });
    // At most 50: skipped for a threshold of 80, passed for 55 (within the 5-point margin).
    expect(new Prefilter().check({ job: lowPay, user: { prompt, threshold: 80 } }).pass).toBe(false);
    expect(new Prefilter().check({ job: lowPay, user: { prompt, threshold: 55 } }).pass).toBe(true);
    expect(new Prefilter({ margin: 0 }).check({ job: lowPay, user: { prompt, threshold: 55 } }).pass).toBe(false);
  });

  it('works on signals prepared once per job and once per prompt', () => {
    const signals = prepareJob(job({ location: 'Remote (US only)' }));
    const wishes = preparePrompt(prompt);
    const decision = gate(JSON.parse(JSON.stringify(signals)), JSON.parse(JSON.stringify(wishes)), 70);
    expect(decision.pass).toBe(false);
    expect(decision.reasons).toEqual(['remote only from outside the user\'s area (Remote (US only))']);
  });

  it('counts its decisions', async () => {
    const registry = createMetricsRegistry('ai-test', { defaultMetrics: false });
    const prefilter = new Prefilter({ registry });
    prefilter.check({ job: job({}), user: { prompt } });
    prefilter.check({ job: job({ title: 'Account Executive', description: 'Sales.' }), user: { prompt } });
    const text = await registry.metrics();
    expect(text).toMatch(/ai_prefilter_decisions_total\{decision="pass",reason="none"[^}]*\} 1/);
    expect(text).toMatch(/ai_prefilter_decisions_total\{decision="skip",reason="role"[^}]*\} 1/);
  });
});

// The three ways the old gate dropped good jobs (issue 21): each must pass now.
describe('the pre-filter does not drop a good job on surface words', () => {
  const check = (prompt: string, overrides: Partial<JobInput>) => new Prefilter().check({ job: job(overrides), user: { prompt, threshold: 70 } });

  it('keeps a non-quota sales operations role for a user who ruled out quota sales', () => {
    const decision = check('Revenue operations manager (sales ops: CRM, forecasting, territory planning), Berlin hybrid. No sales roles with a quota.', {
      title: 'Sales Operations Manager',
      location: 'Berlin, Germany (hybrid)',
      remote: false,
      salaryMin: null,
      salaryMax: null,
      description: 'Own our CRM and forecasting. This role carries no quota.',
    });
    expect(decision).toMatchObject({ pass: true });
  });

  it('keeps a remote region that includes the user’s country ("Remote – EMEA" for someone in London)', () => {
    const decision = check('Senior backend engineer in London, TypeScript, remote only.', { location: 'Remote (EMEA)', salaryCurrency: 'GBP' });
    expect(decision).toMatchObject({ pass: true });
  });

  it('keeps a Canadian user’s "Remote – North America" posting', () => {
    const decision = check('Staff SRE in Toronto, Canada, remote.', { title: 'Staff Site Reliability Engineer', location: 'Remote (North America)', salaryCurrency: 'CAD' });
    expect(decision).toMatchObject({ pass: true });
  });

  it('keeps a posting that asks for a language the user said they do not need', () => {
    const decision = check('Junior frontend developer, React, Warsaw or remote in Poland. My Polish is basic, I work in English; no Polish-only teams.', {
      title: 'Junior Frontend Developer (React)',
      location: 'Warsaw, Poland (hybrid)',
      remote: false,
      salaryMin: null,
      salaryMax: null,
      description: 'Warsaw product team.\n\n- React and TypeScript\n- English is our working language; Polish is a plus',
    });
    expect(decision).toMatchObject({ pass: true });
  });

  it('still rules out a role family that cannot match', () => {
    const decision = check('Registered nurse in Hamburg, day shifts.', { title: 'Account Executive', location: 'Hamburg, Germany', remote: false, description: 'Sell our logistics software.' });
    expect(decision.pass).toBe(false);
    expect(decision.reason).toMatch(/sales role; the user wants nursing/);
  });
});

// Explicit must-haves the posting states outright are certainties; a doubt still passes.
describe('the pre-filter rules out explicit must-haves', () => {
  const check = (prompt: string, overrides: Partial<JobInput>) => new Prefilter().check({ job: job(overrides), user: { prompt, threshold: 70 } });
  const contractor = 'Contract DevOps engineer, AWS and Terraform, remote UK. Outside IR35 only, contract only.';

  it('skips inside IR35 for an outside-only contractor, and a permanent title for a contract-only one', () => {
    const inside = check(contractor, { title: 'DevOps Engineer (Contract)', location: 'Remote (UK)', salaryCurrency: 'GBP', description: '6-month contract, inside IR35.\n\n- AWS and Terraform' });
    expect(inside.pass).toBe(false);
    expect(inside.reason).toMatch(/inside IR35/);
    const perm = check(contractor, { title: 'DevOps Engineer (Permanent)', location: 'Remote (UK)', salaryCurrency: 'GBP', description: 'AWS and Terraform.' });
    expect(perm.pass).toBe(false);
    const outside = check(contractor, { title: 'DevOps Engineer (Contract)', location: 'Remote (UK)', salaryCurrency: 'GBP', salaryMin: null, salaryMax: null, description: '6-month contract, outside IR35.\n\n- AWS and Terraform' });
    expect(outside.pass).toBe(true);
  });

  it('skips a posting that requires a car for a user without one, and keeps one that only mentions parking', () => {
    const prompt = 'Registered veterinary nurse in Leeds. I have no car.';
    const rural = { title: 'Registered Veterinary Nurse', location: 'Leeds', remote: false, salaryMin: null, salaryMax: null };
    expect(check(prompt, { ...rural, description: 'Rural practice. Own car essential.' }).pass).toBe(false);
    expect(check(prompt, { ...rural, description: 'City practice with free staff parking, next to the bus station.' }).pass).toBe(true);
  });

  it('skips a veterinary nurse post for a nurse of people: a family that cannot match', () => {
    const decision = check('Registered nurse in Hamburg, day shifts.', { title: 'Veterinary Nurse', location: 'Hamburg, Germany', remote: false, salaryMin: null, salaryMax: null, description: 'Small animal clinic.' });
    expect(decision.pass).toBe(false);
    expect(decision.reason).toMatch(/veterinary nursing role; the user wants nursing/);
  });

  it('skips a neighbour family the title names outright, but not a title whose only shared word is one every role has', () => {
    const vet = 'Registered veterinary nurse in Leeds, small animal.';
    const dental = check(vet, { title: 'Dental Nurse', location: 'Leeds', remote: false, salaryMin: null, salaryMax: null, description: 'Chairside support.' });
    expect(dental.pass).toBe(false);
    const design = 'Mechanical design engineer in Stuttgart, SolidWorks.';
    const embedded = check(design, { title: 'Embedded Software Engineer', location: 'Stuttgart', remote: false, salaryMin: null, salaryMax: null, description: 'C on microcontrollers.' });
    expect(embedded.pass).toBe(false);
    expect(embedded.reason).toMatch(/embedded software role; the user wants mechanical design engineering/);
  });

  it('skips a fixed term the text states, a part-time title for a full-time user, and a condition said twice', () => {
    const permanent = check('Site manager, civils, Dublin. Permanent only.', { title: 'Site Manager – Civils', location: 'Dublin', remote: false, salaryMin: null, salaryMax: null, description: 'Roads scheme for a civils contractor. 12-month fixed-term contract.' });
    expect(permanent.pass).toBe(false);
    const fullTime = check('Primary teacher in Leeds, full time.', { title: 'Class Teacher (part-time, 0.6 FTE)', location: 'Leeds', remote: false, salaryMin: null, salaryMax: null, description: 'Year 3 class.' });
    expect(fullTime.pass).toBe(false);
    const nights = check('Transport planner in Leeds. No night shifts.', { title: 'Transport Planner', location: 'Leeds', remote: false, salaryMin: null, salaryMax: null, description: 'You will work night shifts. Night shifts run 22:00–06:00.' });
    expect(nights.pass).toBe(false);
    const promise = check('Transport planner in Leeds. No night shifts.', { title: 'Transport Planner', location: 'Leeds', remote: false, salaryMin: null, salaryMax: null, description: 'Days only: no night shifts, ever.' });
    expect(promise.pass).toBe(true);
  });

  it('skips a title that is what the user ruled out in their own words, not one ruled-out word beside the role', () => {
    const writer = 'Technical writer for developer documentation, remote EU. No UX writing, no marketing copy.';
    const ux = check(writer, { title: 'UX Writer', location: 'Remote (EU)', salaryMin: null, salaryMax: null, description: 'Microcopy for our app.' });
    expect(ux.pass).toBe(false);
    const gameplay = 'Gameplay programmer, C++ and Unreal, Montréal. Not engine or tools work.';
    const beside = check(gameplay, { title: 'Gameplay Programmer (Unreal Engine 5)', location: 'Montréal, QC', remote: false, salaryMin: null, salaryMax: null, salaryCurrency: 'CAD', description: 'Abilities and cameras in C++.' });
    expect(beside.pass).toBe(true);
  });

  it('never skips on a role the rules do not know', () => {
    const decision = check('Florist in Lyon, full time.', { title: 'Fleuriste', location: 'Lyon', remote: false, salaryMin: null, salaryMax: null, description: 'Boutique de fleurs.' });
    expect(decision.pass).toBe(true);
  });
});
