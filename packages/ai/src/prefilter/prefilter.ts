import type { CompanyInfo } from '@jobping/contracts';
import type { Registry } from '@jobping/metrics';
import { hashOf } from '../hash';
import { jobInputSchema, parseInput, userInputSchema, type JobInput, type UserInput } from '../inputs';
import { aiMetrics, type AiMetrics } from '../metrics';
import { extractJobSignals, type JobSignals } from '../providers/local/job-signals';
import { extractPromptSignals, type PromptSignals } from '../providers/local/prompt-signals';
import { gate, type GateOptions, type PrefilterDecision } from './gate';

export const DEFAULT_THRESHOLD = 70;

/** Facts of one posting, for the gate: compute once per job (JSON-serialisable, so storable). */
export function prepareJob(job: JobInput, company?: CompanyInfo | null): JobSignals {
  return extractJobSignals(parseInput(jobInputSchema, job, 'pre-filter job'), company);
}

/** Facts of one prompt, for the gate: compute once per prompt change. */
export function preparePrompt(prompt: string): PromptSignals {
  return extractPromptSignals(prompt);
}

export interface PrefilterOptions extends GateOptions {
  registry?: Registry;
  /** How many prepared jobs and prompts to keep in memory. */
  memo?: number;
}

class Memo<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly size: number) {}
  get(key: string, make: () => V): V {
    const found = this.map.get(key);
    if (found !== undefined) {
      this.map.delete(key);
      this.map.set(key, found);
      return found;
    }
    const value = make();
    this.map.set(key, value);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value as string);
    return value;
  }
}

/**
 * The matcher's gate in front of the LLM: `check` says whether a (job, user) pair is worth a
 * call, and why not when it is not. Prepared jobs and prompts are kept (LRU) so a job fanned
 * out to many users is read once.
 */
export class Prefilter {
  private readonly jobs: Memo<JobSignals>;
  private readonly prompts: Memo<PromptSignals>;
  private readonly metrics: AiMetrics | null;

  constructor(private readonly options: PrefilterOptions = {}) {
    this.jobs = new Memo(options.memo ?? 1_000);
    this.prompts = new Memo(options.memo ?? 1_000);
    this.metrics = options.registry ? aiMetrics(options.registry) : null;
  }

  check(input: { job: JobInput; company?: CompanyInfo | null; user: UserInput }): PrefilterDecision {
    const job = parseInput(jobInputSchema, input.job, 'pre-filter job');
    const user = parseInput(userInputSchema, input.user, 'pre-filter user');
    const jobSignals = this.jobs.get(hashOf({ job, company: input.company ?? null }), () => extractJobSignals(job, input.company));
    const promptSignals = this.prompts.get(hashOf(user.prompt), () => extractPromptSignals(user.prompt));
    const decision = gate(jobSignals, promptSignals, user.threshold ?? DEFAULT_THRESHOLD, this.options);
    this.metrics?.prefilter.inc({ decision: decision.pass ? 'pass' : 'skip', reason: decision.pass ? 'none' : firstReasonKind(decision) });
    return decision;
  }
}

/** A low-cardinality label for the metric: which kind of fact ruled the pair out. */
function firstReasonKind(decision: PrefilterDecision): string {
  const first = decision.reasons[0] ?? '';
  if (first.includes('ruled out')) return 'excluded';
  if (first.includes('role')) return 'role';
  if (first.includes('none of')) return 'language';
  if (first.includes('seniority')) return 'seniority';
  if (first.includes('remote') || first.includes('office') || first.includes('hybrid') || first.includes('onsite')) return 'location';
  if (first.includes('pays')) return 'salary';
  return 'other';
}
