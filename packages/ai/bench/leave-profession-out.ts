// `npm run bench -- leave-profession-out [--part <a dev part>]`: how the local scorer does on a
// profession its vocabulary does not know. For each dev profile, the role families its prompt
// resolves to are taken out of the vocabulary (title and prompt rules alike) while that profile's
// pairs are scored, then put back: the profile is read as a new user in a profession the rules
// have never seen (bench/quality/leave-out.ts). Dev only: it lists nothing a tuning engineer should not read.
import { describeIssues } from '@jobping/contracts';
import { printFigureLines, round } from '@jobping/testing';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEV_PARTS, loadSplit, selectPart } from '../eval/dataset';
import { LocalProvider } from '../src/index';
import { runPrefilter, scorePairs, summarisePrefilter, summariseScores, type GateResult, type PairScore } from './quality/evaluate';
import { eachProfileLeftOut } from './quality/leave-out';

const optionsSchema = z.object({ part: z.enum(DEV_PARTS, { error: `--part must be one of: ${DEV_PARTS.join(', ')}` }).optional() });

async function main(): Promise<void> {
  const args = parseArgs({ args: process.argv.slice(2).filter((arg) => arg !== '--'), options: { part: { type: 'string' } }, strict: true }).values;
  const parsed = optionsSchema.safeParse(args);
  if (!parsed.success) throw new Error(`Invalid options: ${describeIssues(parsed.error)}. Usage: npm run bench -- leave-profession-out [--part ${DEV_PARTS.join('|')}]`);
  const whole = loadSplit('dev');
  const split = parsed.data.part ? selectPart(whole, parsed.data.part) : whole;

  const scores: PairScore[] = [];
  const gates: GateResult[] = [];
  await eachProfileLeftOut(split.pairs, async (pairs) => {
    // A new provider per profile: its memo must not keep signals read with the full vocabulary.
    scores.push(...(await scorePairs(pairs, new LocalProvider())));
    gates.push(...runPrefilter(pairs));
  });
  const summary = summariseScores(scores);
  const gate = summarisePrefilter(gates);
  const { precision, recall, f1, auc } = summary.overall;
  const four = (value: number | null) => (value === null ? null : round(value, 4));
  printFigureLines(
    [
      { metric: 'quality.unknown_profession_local_precision', value: four(precision), unit: 'ratio' },
      { metric: 'quality.unknown_profession_local_recall', value: four(recall), unit: 'ratio' },
      { metric: 'quality.unknown_profession_local_f1', value: four(f1), unit: 'ratio' },
      { metric: 'quality.unknown_profession_local_auc', value: four(auc), unit: 'ratio' },
      { metric: 'quality.unknown_profession_prefilter_recall', value: four(gate.pings === 0 ? null : gate.pingsKept / gate.pings), unit: 'ratio' },
      { metric: 'quality.unknown_profession_prefilter_calls_avoided', value: four(gate.pairs === 0 ? null : gate.ruledOut / gate.pairs), unit: 'ratio' },
    ],
    (line) => process.stdout.write(`${line}\n`),
  );
  process.stdout.write(`Dev${parsed.data.part ? ` (${parsed.data.part} part)` : ''}, each profile scored with its own profession's role families taken out of the vocabulary: ${summary.overall.n} scored pairs.\n`);
  // Dev only, so the pairs can be listed: the good jobs the gate would drop for an unknown profession.
  if (parsed.data.part || process.env.LPO_MISSES) for (const miss of summary.misses) process.stdout.write(`  ${miss.kind === 'false_negative' ? 'FN' : 'FP'} ${miss.score.pair.id} ${miss.score.score} "${miss.score.pair.posting.title}": ${(miss.score.explanation ?? '').slice(0, 220)}\n`);
  for (const dropped of gate.droppedPings) process.stdout.write(`  dropped ping ${dropped.pair.id} "${dropped.pair.posting.title}": ${dropped.reason}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
