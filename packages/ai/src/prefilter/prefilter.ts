import type { CompanyInfo } from '@jobping/contracts';
import type { Registry } from '@jobping/metrics';
import { jobInputSchema, parseInput, type JobInput, type UserInput } from '../inputs';
import { aiMetrics, type AiMetrics } from '../metrics';
import { extractJobSignals, type JobSignals } from '../providers/local/job-signals';
import { extractPromptSignals, type PromptSignals } from '../providers/local/prompt-signals';
import { SignalsMemo } from '../providers/local/signals-memo';
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
  /** How many prepared prompts to keep in memory (jobs are kept while their input object lives). */
  memo?: number;
}

/**
 * The matcher's gate in front of the LLM: `check` says whether a (job, user) pair is worth a
 * call, and why not when it is not. Prepared jobs and prompts are kept (SignalsMemo) so a job
 * fanned out to many users is read once.
 */
export class Prefilter {
  private readonly memo: SignalsMemo;
  private readonly metrics: AiMetrics | null;

  constructor(private readonly options: PrefilterOptions = {}) {
    this.memo = new SignalsMemo(options.memo ?? 1_000);
    this.metrics = options.registry ? aiMetrics(options.registry) : null;
  }

  check(input: { job: JobInput; company?: CompanyInfo | null; user: UserInput }): PrefilterDecision {
    const job = this.memo.job(input.job, input.company, 'pre-filter job');
    const user = this.memo.user(input.user, 'pre-filter user');
    const decision = gate(job.signals, user.signals, user.threshold ?? DEFAULT_THRESHOLD, this.options);
    this.metrics?.prefilter.inc({ decision: decision.pass ? 'pass' : 'skip', reason: decision.pass ? 'none' : prefilterReasonKind(decision) });
    return decision;
  }
}

/**
 * A low-cardinality code for which kind of fact ruled the pair out: the metric's label, and
 * user_job_matches.prefilter_code for the decision log.
 */
export function prefilterReasonKind(decision: PrefilterDecision): string {
  const first = decision.reasons[0] ?? '';
  if (first.includes('ruled out')) return 'excluded';
  if (first.includes('role')) return 'role';
  if (first.includes('none of') || first.startsWith('requires ')) return 'language';
  if (first.includes('IR35') || first.includes('permanent post') || first.includes('full-time post')) return 'employment';
  if (first.includes('seniority')) return 'seniority';
  if (first.includes('remote') || first.includes('office') || first.includes('hybrid') || first.includes('onsite')) return 'location';
  if (first.includes('pays')) return 'salary';
  return 'other';
}
