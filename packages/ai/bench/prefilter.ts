// `npm run bench -- prefilter`: how many LLM calls the pre-filter avoids, and how many of the
// pairs that pass the threshold it keeps. Labels come from the full local scorer (score >=
// the user's threshold); the gate only sees facts prepared once per job and once per prompt.
import { printFigureLines, round } from '@jobping/testing';
import { evaluateMatch, gate, prepareJob, preparePrompt } from '../src/index';
import { generateSet, rng } from './generate-pairs';

const JOBS = Number(process.env.BENCH_JOBS ?? 400);
const PROMPTS = Number(process.env.BENCH_PROMPTS ?? 60);
const SEED = Number(process.env.BENCH_SEED ?? 20261122);

const out = (line: string) => process.stdout.write(`${line}\n`);

function reasonKind(reason: string): string {
  if (reason.includes('ruled out')) return 'excluded by the user (industry or role)';
  if (reason.includes(' role')) return 'different kind of role';
  if (reason.startsWith('none of')) return 'none of the wanted languages';
  if (reason.includes('seniority')) return 'seniority';
  if (/remote|office|hybrid|onsite/.test(reason)) return 'location';
  if (reason.startsWith('pays')) return 'salary below the minimum';
  return 'other';
}

function main(): void {
  const { postings, prompts } = generateSet(SEED, JOBS, PROMPTS);
  const jobSignals = postings.map((posting) => prepareJob(posting));
  const promptSignals = prompts.map((prompt) => preparePrompt(prompt.prompt));

  let pairs = 0;
  let positives = 0;
  let skipped = 0;
  let keptPositives = 0;
  let gateNanos = 0n;
  let noisyPositives = 0;
  let noisyKept = 0;
  const noise = rng(SEED + 1);
  const byThreshold = new Map<number, { pairs: number; positives: number; skipped: number; kept: number }>();
  const skipReasons = new Map<string, number>();
  const missed: string[] = [];

  for (let p = 0; p < prompts.length; p++) {
    const prompt = prompts[p]!;
    for (let j = 0; j < postings.length; j++) {
      const score = evaluateMatch(jobSignals[j]!, promptSignals[p]!).score;
      const label = score >= prompt.threshold;
      // Stress check: a judge that disagrees with the local scorer by up to ±10 points.
      const noisyLabel = score + Math.round(noise() * 20 - 10) >= prompt.threshold;
      const started = process.hrtime.bigint();
      const decision = gate(jobSignals[j]!, promptSignals[p]!, prompt.threshold);
      gateNanos += process.hrtime.bigint() - started;
      pairs++;
      const row = byThreshold.get(prompt.threshold) ?? { pairs: 0, positives: 0, skipped: 0, kept: 0 };
      row.pairs++;
      if (label) {
        positives++;
        row.positives++;
      }
      if (!decision.pass) {
        skipped++;
        row.skipped++;
        const kind = reasonKind(decision.reasons[0] ?? '');
        skipReasons.set(kind, (skipReasons.get(kind) ?? 0) + 1);
        if (label && missed.length < 5) missed.push(`${postings[j]!.title} @ ${postings[j]!.company} × "${prompt.prompt}"`);
      } else if (label) {
        keptPositives++;
        row.kept++;
      }
      if (noisyLabel) {
        noisyPositives++;
        if (decision.pass) noisyKept++;
      }
      byThreshold.set(prompt.threshold, row);
    }
  }

  const callsAvoided = skipped / pairs;
  const recall = positives === 0 ? 1 : keptPositives / positives;
  printFigureLines(
    [
      { metric: 'prefilter.calls_avoided', value: round(callsAvoided, 4), unit: 'fraction', target: '>=0.8' },
      { metric: 'prefilter.recall', value: round(recall, 4), unit: 'fraction', target: '>=0.98' },
    ],
    out,
  );

  const passed = pairs - skipped;
  const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
  out(`Labelled set: ${pairs.toLocaleString('en-GB')} pairs = ${postings.length} generated postings × ${prompts.length} generated prompts (seed ${SEED}).`);
  out('Label: the full local scorer\'s score >= the prompt\'s threshold. Gate: prefilter gate() on facts prepared once per job / prompt.');
  out('');
  const rows: [string, string][] = [
    ['pairs', pairs.toLocaleString('en-GB')],
    ['pairs above threshold (labels)', `${positives.toLocaleString('en-GB')} (${pct(positives / pairs)})`],
    ['LLM calls avoided (gate skips)', `${skipped.toLocaleString('en-GB')} (${pct(callsAvoided)})`],
    ['best possible (skip every non-passing pair)', pct(1 - positives / pairs)],
    ['pairs the gate lets through', `${passed.toLocaleString('en-GB')} (${pct(passed / pairs)})`],
    ['  of which above threshold (precision)', passed === 0 ? '–' : pct(keptPositives / passed)],
    ['recall of above-threshold pairs', `${keptPositives}/${positives} (${pct(recall)})`],
    ['recall vs a judge ±10 points off (stress)', `${noisyKept}/${noisyPositives} (${pct(noisyKept / Math.max(1, noisyPositives))})`],
    ['gate time per pair', `${(Number(gateNanos / BigInt(pairs)) / 1000).toFixed(2)} µs`],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  for (const [name, value] of rows) out(`${name.padEnd(width)}  ${value}`);
  out('');
  out('threshold  pairs    above  avoided  recall');
  for (const [threshold, row] of [...byThreshold.entries()].sort((a, b) => a[0] - b[0])) {
    out(`${String(threshold).padStart(9)}  ${String(row.pairs).padStart(6)}  ${String(row.positives).padStart(5)}  ${pct(row.skipped / row.pairs).padStart(7)}  ${row.positives ? pct(row.kept / row.positives) : '–'}`);
  }
  out('');
  out('first reason of skipped pairs:');
  for (const [reason, count] of [...skipReasons.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10)) out(`  ${String(count).padStart(6)}  ${reason}`);
  if (missed.length > 0) {
    out('');
    out('above-threshold pairs the gate skipped (first 5):');
    for (const line of missed) out(`  ${line}`);
  }
}

main();
