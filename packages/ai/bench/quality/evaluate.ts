// Runs the evaluation set through what production runs: the matcher's pre-filter and a
// provider's scoreMatch (the local rules, or an OpenAI-compatible model), and turns the
// answers into quality figures. Ambiguous pairs are never scored.
import type { EvalPair, EvalPosting, Sector } from '../../eval/dataset';
import { AiError, Prefilter, type AiProvider, type JobInput } from '../../src/index';
import { classify, type Classification } from './classification';

/** The posting as the providers read it (the set's id is not part of a job). */
export function postingInput({ id: _id, ...job }: EvalPosting): JobInput {
  return job;
}

const scored = (pairs: readonly EvalPair[]) => pairs.filter((pair) => pair.label !== 'ambiguous');

export interface PairScore {
  pair: EvalPair;
  /** null when the provider failed on this pair (see `error`). */
  score: number | null;
  explanation: string | null;
  error: string | null;
}

export interface ScoreOptions {
  /** Calls in flight at once (a remote model is slow; the local one does not care). */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Scores every non-ambiguous pair with `provider`; a provider error is recorded, not thrown. */
export async function scorePairs(pairs: readonly EvalPair[], provider: AiProvider, options: ScoreOptions = {}): Promise<PairScore[]> {
  const todo = scored(pairs);
  const results: PairScore[] = new Array(todo.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < todo.length) {
      const index = next++;
      const pair = todo[index]!;
      try {
        const result = await provider.scoreMatch({
          job: postingInput(pair.posting),
          company: null,
          user: { prompt: pair.profile.prompt, threshold: pair.profile.threshold },
        });
        results[index] = { pair, score: result.score, explanation: result.analysis.explanation, error: null };
      } catch (error) {
        // Upstream failures and invalid answers are part of what a provider does; anything
        // else is a bug in the bench or the package and should stop the run.
        if (!(error instanceof AiError)) throw error;
        results[index] = { pair, score: null, explanation: null, error: `${error.name}: ${error.message}` };
      }
      options.onProgress?.(++done, todo.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 1, todo.length)) }, worker));
  return results;
}

export interface ProfessionQuality {
  profession: string;
  sector: Sector;
  quality: Classification;
}

export interface Miss {
  score: PairScore & { score: number };
  kind: 'false_negative' | 'false_positive';
  /** Points between the score and the threshold, on the wrong side. */
  distance: number;
}

export interface QualitySummary {
  overall: Classification;
  byProfession: ProfessionQuality[];
  /** Pairs the provider could not score: left out of the figures. */
  failed: PairScore[];
  /** Disagreements with the labels, furthest from the threshold first. */
  misses: Miss[];
}

export function summariseScores(scores: readonly PairScore[]): QualitySummary {
  const answered = scores.filter((entry): entry is PairScore & { score: number } => entry.score !== null);
  const judged = (entries: typeof answered) =>
    classify(entries.map((entry) => ({ actual: entry.pair.label === 'ping', score: entry.score, threshold: entry.pair.profile.threshold })));

  const groups = new Map<string, typeof answered>();
  for (const entry of answered) groups.set(entry.pair.profile.profession, [...(groups.get(entry.pair.profile.profession) ?? []), entry]);
  const byProfession = [...groups.entries()]
    .map(([profession, entries]) => ({ profession, sector: entries[0]!.pair.profile.sector, quality: judged(entries) }))
    .sort((a, b) => (a.sector === b.sector ? a.profession.localeCompare(b.profession) : a.sector === 'software' ? -1 : 1));

  const misses: Miss[] = [];
  for (const entry of answered) {
    const threshold = entry.pair.profile.threshold;
    const predicted = entry.score >= threshold;
    if (entry.pair.label === 'ping' && !predicted) misses.push({ score: entry, kind: 'false_negative', distance: threshold - entry.score });
    if (entry.pair.label === 'no' && predicted) misses.push({ score: entry, kind: 'false_positive', distance: entry.score - threshold });
  }
  misses.sort((a, b) => b.distance - a.distance || a.score.pair.id.localeCompare(b.score.pair.id));

  return { overall: judged(answered), byProfession, failed: scores.filter((entry) => entry.score === null), misses };
}

export interface GateResult {
  pair: EvalPair;
  pass: boolean;
  reason: string;
}

/** The matcher's pre-filter, as main.ts builds it (default margin), on every non-ambiguous pair. */
export function runPrefilter(pairs: readonly EvalPair[]): GateResult[] {
  const prefilter = new Prefilter();
  return scored(pairs).map((pair) => {
    const decision = prefilter.check({
      job: postingInput(pair.posting),
      company: null,
      user: { prompt: pair.profile.prompt, threshold: pair.profile.threshold },
    });
    return { pair, pass: decision.pass, reason: decision.reason };
  });
}

export interface PrefilterSummary {
  /** Non-ambiguous pairs the gate saw. */
  pairs: number;
  /** Pairs it ruled out: LLM calls avoided. */
  ruledOut: number;
  pings: number;
  /** `ping` pairs it let through. */
  pingsKept: number;
  /** Good jobs it would have dropped. */
  droppedPings: GateResult[];
}

export function summarisePrefilter(results: readonly GateResult[]): PrefilterSummary {
  const counted = results.filter((result) => result.pair.label !== 'ambiguous');
  const pings = counted.filter((result) => result.pair.label === 'ping');
  return {
    pairs: counted.length,
    ruledOut: counted.filter((result) => !result.pass).length,
    pings: pings.length,
    pingsKept: pings.filter((result) => result.pass).length,
    droppedPings: pings.filter((result) => !result.pass),
  };
}
