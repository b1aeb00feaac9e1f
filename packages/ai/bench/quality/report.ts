// What `npm run bench -- quality` prints: one JSON line per metric (like the other benches),
// then tables a person reads — overall, per profession, the worst misses, the good jobs the
// pre-filter would drop.
import { round, type Figure } from '@jobping/testing';
import type { Classification } from './classification';
import type { PrefilterSummary, QualitySummary } from './evaluate';

/** A figure of the bench kit; its value is null when the ratio is undefined (e.g. precision with nothing predicted). */
export interface MetricLine extends Figure {
  unit: 'ratio';
}

/** Targets from issue 21; precision, recall and AUC are diagnostics without one. */
export const TARGETS = { f1: '>=0.85', prefilterRecall: '>=0.99', prefilterCallsAvoided: '>=0.70' } as const;

const fourDigits = (value: number | null) => (value === null ? null : round(value, 4));
const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

export function providerMetrics(provider: 'local' | 'openai', summary: QualitySummary): MetricLine[] {
  const { precision, recall, f1, auc } = summary.overall;
  return [
    { metric: `quality.${provider}_precision`, value: fourDigits(precision), unit: 'ratio' },
    { metric: `quality.${provider}_recall`, value: fourDigits(recall), unit: 'ratio' },
    { metric: `quality.${provider}_f1`, value: fourDigits(f1), unit: 'ratio', target: TARGETS.f1 },
    { metric: `quality.${provider}_auc`, value: fourDigits(auc), unit: 'ratio' },
  ];
}

export function prefilterMetrics(summary: PrefilterSummary): MetricLine[] {
  return [
    { metric: 'quality.prefilter_recall', value: fourDigits(ratio(summary.pingsKept, summary.pings)), unit: 'ratio', target: TARGETS.prefilterRecall },
    { metric: 'quality.prefilter_calls_avoided', value: fourDigits(ratio(summary.ruledOut, summary.pairs)), unit: 'ratio', target: TARGETS.prefilterCallsAvoided },
  ];
}

const fixed = (value: number | null) => (value === null ? '–' : value.toFixed(2));
const pct = (part: number, whole: number) => (whole === 0 ? '–' : `${((part / whole) * 100).toFixed(1)} %`);
const clip = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
};

/** Left-aligned first column, right-aligned numbers. */
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [line(header), ...rows.map(line)];
}

const qualityColumns = ['n', 'ping', 'TP', 'FP', 'FN', 'TN', 'precision', 'recall', 'F1', 'AUC'];
const qualityCells = (quality: Classification) => [
  String(quality.n),
  String(quality.positives),
  String(quality.tp),
  String(quality.fp),
  String(quality.fn),
  String(quality.tn),
  fixed(quality.precision),
  fixed(quality.recall),
  fixed(quality.f1),
  fixed(quality.auc),
];

export interface ReportOptions {
  title: string;
  /** How many of the worst misses to list (0 on the test split unless asked: nobody tunes on it). */
  misses: number;
}

const NOT_LISTED = 'not listed: the test split is never used for tuning (tune with --split dev; --misses N lists them for a final review)';

export function qualityReport(summary: QualitySummary, options: ReportOptions): string[] {
  const out = [`${options.title}: predicted ping = score >= the profile's threshold`, ''];
  out.push(...table(['', ...qualityColumns], [['all pairs', ...qualityCells(summary.overall)]]));
  out.push('', 'per profession:');
  out.push(...table(['profession', 'sector', ...qualityColumns], summary.byProfession.map((row) => [row.profession, row.sector, ...qualityCells(row.quality)])));
  if (summary.failed.length > 0) {
    out.push('', `${summary.failed.length} pair(s) could not be scored and are left out; first error: ${summary.failed[0]!.error}`);
  }
  if (options.misses === 0) {
    out.push('', `worst misses (${summary.misses.length}): ${NOT_LISTED}`);
    return out;
  }
  out.push('', `worst misses (${Math.min(options.misses, summary.misses.length)} of ${summary.misses.length}, furthest from the threshold first):`);
  for (const miss of summary.misses.slice(0, options.misses)) {
    const { pair, score, explanation } = miss.score;
    out.push(`  ${miss.kind === 'false_negative' ? 'FN' : 'FP'}  ${pair.id}  label ${pair.label}  score ${score}/${pair.profile.threshold}  "${pair.posting.title}"`);
    out.push(`      label: ${clip(pair.reason, 160)}`);
    if (explanation) out.push(`      scorer: ${clip(explanation, 160)}`);
  }
  return out;
}

export function prefilterReport(summary: PrefilterSummary, options: ReportOptions): string[] {
  const out = [
    `${options.title}: ${summary.pairs} pairs; ruled out ${summary.ruledOut} (${pct(summary.ruledOut, summary.pairs)} of LLM calls avoided); ping pairs let through ${summary.pingsKept}/${summary.pings} (${pct(summary.pingsKept, summary.pings)})`,
  ];
  if (summary.droppedPings.length > 0 && options.misses === 0) out.push(`good jobs the pre-filter drops (${summary.droppedPings.length}): ${NOT_LISTED}`);
  else if (summary.droppedPings.length > 0) {
    out.push(`good jobs the pre-filter drops (${summary.droppedPings.length}):`);
    for (const dropped of summary.droppedPings.slice(0, options.misses)) {
      out.push(`  ${dropped.pair.id}  "${dropped.pair.posting.title}"`);
      out.push(`      gate: ${clip(dropped.reason, 160)}`);
      out.push(`      label: ${clip(dropped.pair.reason, 160)}`);
    }
  }
  return out;
}
