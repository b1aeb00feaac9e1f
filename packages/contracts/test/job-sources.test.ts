import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { jobSourceLimits, jobSourceSchema, jobSourceTypes, sourceTrust } from '../src/index';

const schema = jobSourceSchema();
const issuesOf = (value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('job source schema', () => {
  it('knows every source type the scraper runs', () => {
    expect([...jobSourceTypes].sort()).toEqual([
      'arbeitnow', 'ashby', 'bamboohr', 'fixture', 'greenhouse', 'join', 'lever', 'linkedin', 'personio', 'recruitee', 'remoteok', 'remotive',
      'smartrecruiters', 'teamtailor', 'workable', 'workday',
    ]);
  });

  it('takes every listed type, each with its own identifier rules', () => {
    for (const type of jobSourceTypes) expect({ type, issues: issuesOf({ type, identifier: ' ' }) }).toEqual({ type, issues: ['identifier'] });
  });

  it.each([
    ['greenhouse', 'gitlab'],
    ['greenhouse', 'doordash.usa'],
    ['lever', 'ledger-labs'],
    ['ashby', 'Notion'],
    ['workable', 'fjordline-analytics'],
    ['smartrecruiters', 'NordhavnLogistics'],
    ['recruitee', 'spaakwerk'],
    ['personio', 'lindenhof-kaffee'],
    ['teamtailor', 'solvik'],
    ['bamboohr', 'pawsandco'],
    ['join', 'brettspiel-manufaktur'],
    ['workday', 'verdantchem.wd3/Careers'],
    ['workday', 'acme-corp.wd103/External_Careers'],
    ['remotive', 'software-dev'],
    ['remotive', 'all'],
    ['remoteok', 'remoteok'],
    ['arbeitnow', 'arbeitnow'],
    ['linkedin', 'TypeScript backend (EU)'],
    ['linkedin', 'Développeur C#'],
    ['fixture', 'fixtures/demo-board.json'],
    ['fixture', 'fixtures/boards/acme_2.json'],
    ['fixture', 'http://127.0.0.1:4010/board.json'],
    ['fixture', 'https://boards.example/board.json'],
  ])('accepts %s %p, with defaults', (type, identifier) => {
    expect(schema.parse({ type, identifier: ` ${identifier} ` })).toEqual({ type, identifier, search_terms: [], location: null, company_name: null, enabled: true });
  });

  it.each([
    ['greenhouse', '../../admin'],
    ['greenhouse', '..'],
    ['greenhouse', '.hidden'],
    ['lever', 'acme/postings'],
    ['lever', 'acme postings'],
    ['ashby', 'https://jobs.ashbyhq.com/acme'],
    ['ashby', 'acme%2F..'],
    ['recruitee', 'spaakwerk.evil.example'],
    ['personio', '-lindenhof'],
    ['teamtailor', 'solvik/jobs'],
    ['bamboohr', '127.0.0.1'],
    ['workday', 'verdantchem/Careers'],
    ['workday', 'verdantchem.wd3'],
    ['workday', 'verdantchem.wd3/Careers/../x'],
    ['workday', 'evil.example/wd3/Careers'],
    ['remotive', 'Software Dev'],
    ['remotive', 'software-dev?x=1'],
    ['remoteok', 'remoteok#x'],
    ['linkedin', '<script>'],
    ['linkedin', '-leading'],
    ['fixture', '/etc/passwd'],
    ['fixture', 'demo-board.json'],
    ['fixture', 'fixtures/../../etc/passwd.json'],
    ['fixture', 'fixtures/./demo-board.json'],
    ['fixture', 'fixtures/.env.json'],
    ['fixture', 'fixtures/demo-board.txt'],
    ['fixture', 'file:///etc/passwd'],
    ['fixture', 'ftp://files.example/board.json'],
    ['greenhouse', ''],
    ['greenhouse', '   '],
  ])('refuses %s %p, naming the identifier', (type, identifier) => {
    expect(issuesOf({ type, identifier })).toEqual(['identifier']);
  });

  it("takes the company's display name trimmed, up to its limit", () => {
    expect(schema.parse({ type: 'lever', identifier: 'matchgroup', company_name: '  Match Group ' }).company_name).toBe('Match Group');
    expect(issuesOf({ type: 'ashby', identifier: 'acme', company_name: 'c'.repeat(jobSourceLimits.companyName + 1) })).toEqual(['company_name']);
    expect(issuesOf({ type: 'ashby', identifier: 'acme', company_name: '  ' })).toEqual(['company_name']);
  });

  it('holds every type to the same limits', () => {
    const max = jobSourceLimits.identifier;
    expect(issuesOf({ type: 'greenhouse', identifier: 'a'.repeat(max) })).toEqual([]);
    expect(issuesOf({ type: 'greenhouse', identifier: 'a'.repeat(max + 1) })).toEqual(['identifier']);
    expect(issuesOf({ type: 'linkedin', identifier: 'b'.repeat(max + 1) })).toEqual(['identifier']);
    const url = `https://boards.example/${'c'.repeat(jobSourceLimits.fixtureIdentifier - 28)}.json`;
    expect(issuesOf({ type: 'fixture', identifier: url })).toEqual([]);
    expect(issuesOf({ type: 'fixture', identifier: `${url}x` })).toEqual(['identifier']);

    const terms = (n: number, length = 10) => Array.from({ length: n }, (_, i) => `${i}`.padEnd(length, 't'));
    expect(issuesOf({ type: 'remoteok', identifier: 'remoteok', search_terms: terms(jobSourceLimits.searchTerms, jobSourceLimits.searchTerm) })).toEqual([]);
    expect(issuesOf({ type: 'remoteok', identifier: 'remoteok', search_terms: terms(jobSourceLimits.searchTerms + 1) })).toEqual(['search_terms']);
    expect(issuesOf({ type: 'remoteok', identifier: 'remoteok', search_terms: ['x'.repeat(jobSourceLimits.searchTerm + 1)] })).toEqual(['search_terms.0']);
    expect(issuesOf({ type: 'remoteok', identifier: 'remoteok', search_terms: [' '] })).toEqual(['search_terms.0']);
    expect(issuesOf({ type: 'linkedin', identifier: 'eu', location: 'l'.repeat(jobSourceLimits.location) })).toEqual([]);
    expect(issuesOf({ type: 'linkedin', identifier: 'eu', location: 'l'.repeat(jobSourceLimits.location + 1) })).toEqual(['location']);
  });

  it('refuses unknown types and unknown fields; a caller may add its own', () => {
    const unknown = schema.safeParse({ type: 'monster', identifier: 'x' });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]).toMatchObject({ path: ['type'], message: expect.stringContaining('greenhouse') });
    expect(issuesOf({ type: 'lever', identifier: 'acme', surprise: 1 })).toEqual(['']);
    const seed = jobSourceSchema({ note: z.string().optional() });
    expect(seed.parse({ type: 'lever', identifier: 'acme', note: 'for people' })).toMatchObject({ note: 'for people' });
  });
});

describe('source trust', () => {
  it('puts a company\'s own ATS board above aggregators, aggregators above guest pages, fixtures last', () => {
    const ranks = (types: string[]) => [...new Set(types.map(sourceTrust))];
    expect(ranks(['greenhouse', 'lever', 'ashby'])).toHaveLength(1);
    expect(ranks(['remotive', 'remoteok', 'arbeitnow'])).toHaveLength(1);
    expect(sourceTrust('greenhouse')).toBeGreaterThan(sourceTrust('remotive'));
    expect(sourceTrust('remotive')).toBeGreaterThan(sourceTrust('linkedin'));
    expect(sourceTrust('linkedin')).toBeGreaterThan(sourceTrust('fixture'));
    expect(sourceTrust('somewhere-new')).toBe(sourceTrust('fixture'));
  });
});
