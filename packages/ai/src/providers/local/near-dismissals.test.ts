import { describe, expect, it } from '@jest/globals';
import type { DismissedJob, JobInput } from '../../inputs';
import { LocalProvider } from './local-provider';

// "Not interested" feeds the local scorer: a near-duplicate of a dismissed job scores lower than
// before the dismissal, with the reason in the explanation; an unrelated job scores the same.

const ai = new LocalProvider();
const prompt = 'Senior backend engineer, TypeScript, remote within the EU. Salary at least €80k.';

const description = [
  'Acme Invoicing builds invoicing software for small businesses. We are about 120 people, Series A.',
  '',
  '- Build APIs in TypeScript and Node.js on PostgreSQL',
  '- Every change is code reviewed',
  '- Senior backend engineer with 5+ years of experience',
  '- Remote from anywhere in the EU',
].join('\n');

const job = (overrides: Partial<JobInput> = {}): JobInput => ({
  title: 'Senior Backend Engineer (TypeScript)',
  company: 'Acme Invoicing',
  location: 'Remote (EU)',
  remote: true,
  salaryMin: 85_000,
  salaryMax: 100_000,
  salaryCurrency: 'EUR',
  salaryPeriod: 'year',
  employmentType: 'full_time',
  description,
  ...overrides,
});

const dismissedAs = (posting: JobInput, reason: DismissedJob['reason'], note?: string): DismissedJob => ({
  title: posting.title,
  company: posting.company,
  location: posting.location ?? null,
  description: posting.description,
  reason,
  note: note ?? null,
});

const score = (posting: JobInput, dismissals: DismissedJob[] = []) => ai.scoreMatch({ job: posting, company: null, user: { prompt }, dismissals });

describe('LocalProvider and "not interested"', () => {
  const original = job();
  // The same posting re-listed by a recruiter: another company name, the text lightly edited.
  const relisted = job({ company: 'TalentBridge Recruiting', description: description.replace('about 120 people', 'around 120 people') });
  // The same role at the same company, another title wording and text.
  const sameRole = job({ title: 'Backend Engineer (TypeScript), Senior', company: 'Acme Invoicing GmbH', description: 'Join Acme Invoicing as a senior backend engineer: TypeScript, Node.js and PostgreSQL, remote from anywhere in the EU.' });
  const unrelated = job({ title: 'Senior Backend Engineer (TypeScript)', company: 'Ledgerly', description: description.replace('Acme Invoicing builds invoicing software for small businesses', 'Ledgerly builds bookkeeping software for freelancers') });
  const otherRoleSameCompany = job({ title: 'Data Analyst', description: 'Acme Invoicing builds invoicing software. SQL and dashboards.' });

  it('lowers a near-duplicate of a dismissed job, saying which job and why', async () => {
    const before = await score(relisted);
    const after = await score(relisted, [dismissedAs(original, 'salary')]);
    expect(before.score).toBeGreaterThanOrEqual(90);
    expect(after.score).toBeLessThan(before.score);
    expect(after.score).toBeLessThanOrEqual(40);
    expect(after.analysis.recommendation).toBe('skip');
    expect(after.analysis.explanation).toContain('like a job you marked not interested: Senior Backend Engineer (TypeScript) (salary)');
    expect(after.analysis.cons[0]).toBe('The same posting as "Senior Backend Engineer (TypeScript)" at Acme Invoicing, which you marked not interested (salary)');
  });

  it('lowers the same role at the same company (legal suffixes aside), with the user\'s own words for "other"', async () => {
    const before = await score(sameRole);
    const after = await score(sameRole, [dismissedAs(original, 'other', 'team too small')]);
    expect(after.score).toBeLessThan(before.score);
    expect(after.analysis.explanation).toContain('(team too small)');
    expect(after.analysis.cons).toContain('Much like "Senior Backend Engineer (TypeScript)" at Acme Invoicing, which you marked not interested (team too small)');
  });

  it('leaves unrelated jobs as they were, whatever the user dismissed', async () => {
    const dismissals = [dismissedAs(original, 'salary'), dismissedAs(job({ title: 'Platform Engineer', company: 'Coinly' }), 'company')];
    for (const posting of [unrelated, otherRoleSameCompany]) {
      expect(await score(posting, dismissals)).toEqual(await score(posting));
    }
  });

  it('reads the reason: a company dismissed for itself lowers its other roles, an expired job lowers nothing', async () => {
    const before = await score(otherRoleSameCompany);
    const company = await score(otherRoleSameCompany, [dismissedAs(original, 'company')]);
    expect(company.score).toBe(Math.max(0, before.score - 20));
    expect(company.analysis.cons.join('\n')).toContain('At the same company as "Senior Backend Engineer (TypeScript)" at Acme Invoicing, which you marked not interested (the company)');
    // "Expired": the look-alike is most likely the live posting.
    expect(await score(relisted, [dismissedAs(original, 'expired')])).toEqual(await score(relisted));
    // "Location": the same role in another place is not what the user turned down.
    const elsewhere = job({ title: 'Senior Backend Engineer', location: 'Lisbon, Portugal', description: 'Acme Invoicing is hiring in Lisbon.' });
    const berlin = job({ title: 'Senior Backend Engineer', location: 'Berlin, Germany', description: 'Acme Invoicing is hiring in Berlin.' });
    expect(await score(elsewhere, [dismissedAs(berlin, 'location')])).toEqual(await score(elsewhere));
    expect((await score(berlin, [dismissedAs({ ...berlin, description: 'Another text entirely, for the Berlin office.' }, 'location')])).score).toBeLessThan((await score(berlin)).score);
  });

  it('rejects more dismissals than a match reads, and a reason outside the list', async () => {
    await expect(score(original, Array.from({ length: 11 }, () => dismissedAs(original, 'salary')))).rejects.toThrow(/dismissals/);
    await expect(score(original, [{ ...dismissedAs(original, 'salary'), reason: 'boring' as never }])).rejects.toThrow(/dismissals\.0\.reason/);
  });
});
