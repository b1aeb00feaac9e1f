import { companyInfoSchema, type CompanyInfo } from '@jobping/contracts';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { jobInputSchema, parseInput, userInputSchema, type Job, type JobInput, type UserInput } from '../../inputs';
import { extractJobSignals, type JobSignals } from './job-signals';
import { extractPromptSignals, type PromptSignals } from './prompt-signals';

// Parsed under their field names, so that errors name `job.title` or `user.prompt`.
const jobPart = z.object({ job: jobInputSchema, company: companyInfoSchema.nullish() });
const userPart = z.object({ user: userInputSchema });

export interface PreparedJob {
  /** The validated posting (near-duplicates of dismissed jobs compare its text). */
  job: Job;
  signals: JobSignals;
  company: CompanyInfo | null;
}

export interface PreparedUser {
  prompt: string;
  threshold: number | null | undefined;
  signals: PromptSignals;
}

/**
 * Validated inputs and their extracted signals, computed once: a fanned-out job is scored
 * for thousands of users in a row and there are far fewer prompts than pairs. Jobs are
 * remembered per input object (the matcher hands the same cached object for every pair of
 * a job), so inputs must not be mutated after use; prompts per text, in a bounded LRU.
 */
export class SignalsMemo {
  private readonly jobs = new WeakMap<object, { company: unknown; prepared: PreparedJob }>();
  private readonly prompts: LRUCache<string, PromptSignals>;

  constructor(promptCapacity = 1_000) {
    this.prompts = new LRUCache<string, PromptSignals>({ max: promptCapacity });
  }

  job(input: JobInput, company: CompanyInfo | null | undefined, what: string): PreparedJob {
    const hit = this.jobs.get(input);
    if (hit && hit.company === (company ?? null)) return hit.prepared;
    const parsed = parseInput(jobPart, { job: input, company }, what);
    const prepared = { job: parsed.job, signals: extractJobSignals(parsed.job, parsed.company ?? null), company: parsed.company ?? null };
    this.jobs.set(input, { company: company ?? null, prepared });
    return prepared;
  }

  user(input: UserInput, what: string): PreparedUser {
    const { user } = parseInput(userPart, { user: input }, what);
    let signals = this.prompts.get(user.prompt);
    if (!signals) {
      signals = extractPromptSignals(user.prompt);
      this.prompts.set(user.prompt, signals);
    }
    return { prompt: user.prompt, threshold: user.threshold, signals };
  }
}
