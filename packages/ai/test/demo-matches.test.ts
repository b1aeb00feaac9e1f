import { describe, expect, it } from '@jest/globals';
import { LocalProvider, Prefilter } from '../src/index';
import { DEMO_PROMPT, demoJobs } from './support/demo-data';

// The seed demo (packages/db/src/seed/demo-postings.ts) scored against its DEMO_PROMPT: what a
// person reading the demo would expect.
const ai = new LocalProvider();
const find = (company: string, title: string) => {
  const job = demoJobs.find((candidate) => candidate.company === company && candidate.title === title);
  if (!job) throw new Error(`no demo posting ${company} / ${title}`);
  return job;
};

const strong = [
  find('Ledgerly', 'Senior Backend Engineer (TypeScript)'),
  find('Voltgrid', 'Senior Backend Engineer, Energy Trading (Go)'),
  find('Stackwise', 'Senior Backend Engineer (TypeScript)'),
  find('Freightloop', 'Senior Backend Engineer (Go)'),
  find('Caremint', 'Senior Node.js Engineer'),
  find('Teamquell', 'Senior Backend Engineer (TypeScript/Node.js)'),
];
const borderline = [
  find('Voltgrid', 'Senior Software Engineer, Grid Integrations'), // hybrid in Berlin
  find('Teamquell', 'Senior Software Engineer (Node.js)'), // hybrid in Munich
  find('Vantora Consulting', 'Senior TypeScript Developer (Client Projects)'), // consultancy, 18,000 people
  find('Caremint', 'Senior Python Engineer, Clinical Data'), // Python, TypeScript only in passing
];
const poor = [
  find('Coinvault', 'Senior Backend Engineer (TypeScript)'), // crypto exchange
  find('Goldreel', 'Senior Node.js Engineer (TypeScript)'), // online casino
  find('Adlattice', 'Senior Backend Engineer (TypeScript)'), // adtech
  find('Freightloop', 'Senior Backend Engineer (Node.js)'), // remote, US only
  find('Teamquell', 'Junior Backend Developer (TypeScript)'),
  find('Ledgerly', 'Senior Frontend Engineer (React)'),
  find('Freightloop', 'Android Developer'),
  find('Tillbox', 'Senior Data Engineer (Python, Spark)'),
  find('Freightloop', 'Sales Development Representative'),
  find('Amtwerk Digital', 'Senior Java Developer (m/w/d) – E-Government'),
];

async function scores(jobs: typeof strong) {
  return Promise.all(jobs.map(async (job) => (await ai.scoreMatch({ job, user: { prompt: DEMO_PROMPT } })).score));
}

describe('the local provider on the seed demo', () => {
  it('puts every strong fit above every borderline one, and those above every poor one', async () => {
    const [s, b, p] = await Promise.all([scores(strong), scores(borderline), scores(poor)]);
    expect(Math.min(...s)).toBeGreaterThanOrEqual(85);
    expect(Math.min(...b)).toBeGreaterThanOrEqual(50);
    expect(Math.max(...b)).toBeLessThan(75);
    expect(Math.max(...p)).toBeLessThan(40);
    expect(Math.min(...s)).toBeGreaterThan(Math.max(...b));
    expect(Math.min(...b)).toBeGreaterThan(Math.max(...p));
  });

  it('notifies (default threshold 70) only for good fits, and the pre-filter never skips one of them', async () => {
    const prefilter = new Prefilter();
    for (const job of demoJobs) {
      const result = await ai.scoreMatch({ job, user: { prompt: DEMO_PROMPT } });
      const decision = prefilter.check({ job, user: { prompt: DEMO_PROMPT, threshold: 70 } });
      if (result.score >= 70) expect(decision.pass).toBe(true);
      expect(decision.bound).toBeGreaterThanOrEqual(result.score);
    }
  });

  it('gives reasons that name the dealbreaker', async () => {
    const casino = await ai.scoreMatch({ job: poor[1]!, user: { prompt: DEMO_PROMPT } });
    expect(casino.analysis.cons[0]).toMatch(/Goldreel works in gambling: ".*casino.*"; you wrote "gambling"/);
    const us = await ai.scoreMatch({ job: poor[3]!, user: { prompt: DEMO_PROMPT } });
    expect(us.analysis.cons[0]).toMatch(/Remote only from outside EU: Remote \(US only\)/);
  });
});
