import { describe, expect, it } from '@jest/globals';
import type { JobInput } from '../../inputs';
import { LocalProvider } from './local-provider';

const ai = new LocalProvider();
const prompt =
  'Senior backend engineer, TypeScript or Go, remote within the EU. Product company under 500 people, code review and on-call shared fairly. Salary at least €80k. No crypto, no gambling.';

const base = (overrides: Partial<JobInput>): JobInput => ({
  title: 'Senior Backend Engineer (TypeScript)',
  company: 'Acme Invoicing',
  location: 'Remote (EU)',
  remote: true,
  salaryMin: 85_000,
  salaryMax: 100_000,
  salaryCurrency: 'EUR',
  salaryPeriod: 'year',
  employmentType: 'full_time',
  description: [
    'Acme Invoicing builds invoicing software for small businesses. We are about 120 people, Series A.',
    '',
    '- Build APIs in TypeScript and Node.js on PostgreSQL',
    '- Every change is code reviewed',
    '- Share on-call with the backend team: one week in eight, paid',
    '',
    '- Senior backend engineer with 5+ years of experience',
    '- Remote from anywhere in the EU',
  ].join('\n'),
  ...overrides,
});

const jobs = {
  ideal: base({}),
  goRole: base({ title: 'Senior Go Engineer', description: base({}).description!.replace('TypeScript and Node.js', 'Go') }),
  lowPay: base({ salaryMin: 60_000, salaryMax: 70_000 }),
  hybrid: base({ location: 'Berlin, Germany', remote: false, description: `${base({}).description}\n- Hybrid: three days per week in our Berlin office` }),
  midLevel: base({ title: 'Backend Engineer (TypeScript)', description: base({}).description!.replace('Senior backend engineer with 5+', 'Mid-level engineer with 2-4') }),
  usOnly: base({ location: 'Remote (US only)', salaryCurrency: 'USD', salaryMin: 150_000, salaryMax: 170_000 }),
  crypto: base({ company: 'Coinly', description: base({}).description!.replace('Acme Invoicing builds invoicing software for small businesses', 'Coinly runs a crypto exchange for retail traders') }),
  frontend: base({ title: 'Senior Frontend Engineer (React)', description: 'Acme Invoicing builds invoicing software.\n\n- Build React components and our design system in TypeScript\n- CSS, browser performance, UI components' }),
  junior: base({ title: 'Junior Backend Developer (TypeScript)', salaryMin: 48_000, salaryMax: 55_000, location: 'Munich, Germany', remote: false }),
  sales: base({ title: 'Account Executive', description: 'Acme Invoicing builds invoicing software.\n\n- Sell to SMBs across the DACH region' }),
};

async function score(job: JobInput, userPrompt = prompt) {
  return ai.scoreMatch({ job, company: null, user: { prompt: userPrompt } });
}

describe('LocalProvider.scoreMatch', () => {
  it('orders postings as a person would', async () => {
    const s = Object.fromEntries(await Promise.all(Object.entries(jobs).map(async ([name, job]) => [name, (await score(job)).score] as const)));
    expect(s.ideal).toBeGreaterThanOrEqual(90);
    expect(s.goRole).toBeGreaterThanOrEqual(90);
    // Good but with one real drawback: between the ideal job and the clear misfits.
    for (const partial of ['lowPay', 'hybrid', 'midLevel'] as const) {
      expect(s[partial]).toBeLessThan(s.ideal!);
      expect(s[partial]).toBeGreaterThanOrEqual(45);
      expect(s[partial]).toBeLessThan(75);
    }
    for (const poor of ['usOnly', 'crypto', 'frontend', 'junior', 'sales'] as const) {
      expect(s[poor]).toBeLessThan(40);
      expect(s[poor]).toBeLessThan(Math.min(s.lowPay!, s.hybrid!, s.midLevel!));
    }
    expect(s.crypto).toBeLessThanOrEqual(10);
  });

  it('explains with facts of the posting and recommends by score', async () => {
    const ideal = await score(jobs.ideal);
    expect(ideal.analysis.recommendation).toBe('apply');
    expect(ideal.analysis.pros.join('\n')).toMatch(/TypeScript/);
    expect(ideal.analysis.pros.join('\n')).toMatch(/€85,000–€100,000 per year/);
    expect(ideal.analysis.pros.join('\n')).toMatch(/one week in eight, paid/);
    expect(ideal.analysis.cons).toEqual([]);

    const crypto = await score(jobs.crypto);
    expect(crypto.analysis.recommendation).toBe('skip');
    expect(crypto.analysis.cons[0]).toMatch(/Coinly works in crypto: "Coinly runs a crypto exchange.*"; you wrote "crypto"/);
    expect(crypto.analysis.explanation).toMatch(/capped at 10/);

    const hybrid = await score(jobs.hybrid);
    expect(hybrid.analysis.recommendation).toBe('consider');
    expect(hybrid.analysis.cons.join('\n')).toMatch(/Hybrid in Berlin, Germany \(3 office days a week\); you asked for remote/);

    const lowPay = await score(jobs.lowPay);
    expect(lowPay.analysis.cons.join('\n')).toMatch(/Pays €60,000–€70,000 per year, below your €80,000 minimum/);
    expect(lowPay.analysis.explanation).toMatch(/pays at most €70k \(−\d+\)/);
  });

  it('reads the prompt: what is ruled out is not wanted', async () => {
    const noJava = await score(base({ title: 'Senior Java Engineer', description: 'Acme builds invoicing software.\n\n- Java and Spring Boot services\n- Java 21' }), 'Senior backend engineer, no Java, remote');
    expect(noJava.score).toBeLessThanOrEqual(30);
    expect(noJava.analysis.cons.join('\n')).toMatch(/Works in Java; you wrote "Java"/);
  });

  it('scores any prompt, not just the demo one', async () => {
    const frontendPrompt = 'Frontend developer, React and TypeScript, remote';
    const frontend = await score(jobs.frontend, frontendPrompt);
    const backend = await score(jobs.ideal, frontendPrompt);
    expect(frontend.score).toBeGreaterThan(backend.score);
    expect(frontend.score).toBeGreaterThanOrEqual(75);
  });

  it('is deterministic and carries its provider, model and rules version', async () => {
    const [one, two] = await Promise.all([score(jobs.hybrid), score(jobs.hybrid)]);
    expect(one).toEqual(two);
    expect(one.meta).toEqual({ provider: 'local', model: 'jobping-rules-8', promptVersion: 'local-match-v1', usage: null, cached: false });
  });

  it('scores a job object reused across pairs exactly like a fresh copy, and sees new company research', async () => {
    const shared = jobs.ideal;
    const research = await ai.researchCompany({ name: 'Coinly', postings: [jobs.crypto] });
    const first = await ai.scoreMatch({ job: shared, company: null, user: { prompt } });
    const withResearch = await ai.scoreMatch({ job: shared, company: research.info, user: { prompt } });
    const otherPrompt = await ai.scoreMatch({ job: shared, company: research.info, user: { prompt: 'Frontend engineer, React, in Berlin.' } });
    const fresh = new LocalProvider();
    expect(first).toEqual(await fresh.scoreMatch({ job: { ...shared }, company: null, user: { prompt } }));
    expect(withResearch).toEqual(await fresh.scoreMatch({ job: { ...shared }, company: research.info, user: { prompt } }));
    expect(withResearch).not.toEqual(first);
    expect(otherPrompt).toEqual(await fresh.scoreMatch({ job: { ...shared }, company: research.info, user: { prompt: 'Frontend engineer, React, in Berlin.' } }));
  });

  it('rejects input that breaks the input schema', async () => {
    await expect(ai.scoreMatch({ job: { title: '', company: 'x', description: '' }, user: { prompt: 'x' } })).rejects.toThrow(/Invalid match input: job.title/);
  });
});

describe('LocalProvider.researchCompany', () => {
  it('summarises a company from its postings without inventing facts', async () => {
    const { info, meta } = await ai.researchCompany({ name: 'Acme Invoicing', postings: [jobs.ideal, jobs.goRole, jobs.lowPay] });
    expect(info.size).toBe('about 120 people');
    expect(info.funding).toBe('Series A');
    expect(info.tech_stack).toEqual(expect.arrayContaining(['TypeScript', 'Go', 'PostgreSQL']));
    expect(info.green_flags.join('\n')).toMatch(/Publishes a salary range in all 3 postings/);
    expect(info.summary).toMatch(/^Acme Invoicing builds invoicing software for small businesses/);
    expect(info.summary).toMatch(/Hiring for 3 roles/);
    expect(meta.promptVersion).toBe('local-company-v1');

    const unknown = await ai.researchCompany({ name: 'Quiet GmbH', postings: [] });
    expect(unknown.info.size).toBe('unknown');
    expect(unknown.info.funding).toBe('unknown');
  });

  it('flags what candidates often rule out', async () => {
    const { info } = await ai.researchCompany({ name: 'Coinly', postings: [jobs.crypto] });
    expect(info.red_flags.join('\n')).toMatch(/Works in crypto/);
  });
});
