// `npm run bench -- quality [--split test|dev] [--part <a part of the split>] [--misses N] [--concurrency N]`:
// match quality against the hand-labelled evaluation set (eval/README.md). Reports the test split
// unless asked for dev: tune on dev, quote test. `--part` reads one part of a split alone (dev-c and dev-d, read
// before the scorer was changed for it, estimates how the scorer does on professions it was not tuned on). Scores with the local provider always, and with the
// openai provider (no cache) when OPENAI_BASE_URL points at an OpenAI-compatible server.
import { describeIssues } from '@jobping/contracts';
import { createRedis, type Redis } from '@jobping/redis';
import { printFigureLines } from '@jobping/testing';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ALL_PARTS, loadSplit, PARTS, selectPart, SPLITS, type EvalSplit } from '../eval/dataset';
import { LocalProvider, OpenAiProvider, type AiProvider } from '../src/index';
import { runPrefilter, scorePairs, summarisePrefilter, summariseScores, type QualitySummary } from './quality/evaluate';
import { openAiBenchSettings } from './quality/openai-env';
import { prefilterMetrics, prefilterReport, providerMetrics, qualityReport, type MetricLine } from './quality/report';

const out = (line = '') => process.stdout.write(`${line}\n`);
const note = (line: string) => process.stderr.write(`${line}\n`);

const optionsSchema = z.object({
  split: z.enum(SPLITS, { error: `--split must be one of: ${SPLITS.join(', ')}` }).default('test'),
  /** One part of the split (PARTS in eval/dataset.ts: dev first, dev-b … dev-k; test first, test-b … test-d). */
  part: z.enum(ALL_PARTS, { error: `--part must be one of: ${ALL_PARTS.join(', ')}` }).optional(),
  /** Default: 15 on dev; none on test, whose pairs a tuning engineer should not read. */
  misses: z.coerce.number({ error: '--misses must be a number' }).int().min(0).max(500).optional(),
  concurrency: z.coerce.number({ error: '--concurrency must be a number' }).int().min(1).max(64).default(4),
}).refine((options) => options.part === undefined || (PARTS[options.split] as readonly string[]).includes(options.part), {
  error: `--part names a part of the split asked for: dev has ${PARTS.dev.join(', ')}; test has ${PARTS.test.join(', ')}`,
  path: ['part'],
});

const USAGE = `Usage: npm run bench -- quality [--split test|dev] [--part ${ALL_PARTS.join('|')}] [--misses N] [--concurrency N]`;

function readOptions(argv: string[]): z.output<typeof optionsSchema> {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: argv.filter((arg) => arg !== '--'),
      options: { split: { type: 'string' }, part: { type: 'string' }, misses: { type: 'string' }, concurrency: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    throw new Error(`${(error as Error).message}. ${USAGE}`, { cause: error });
  }
  const result = optionsSchema.safeParse(values);
  if (!result.success) throw new Error(`Invalid options: ${describeIssues(result.error)}. ${USAGE}`);
  return result.data;
}

async function scoreWith(split: EvalSplit, provider: AiProvider, concurrency: number): Promise<{ summary: QualitySummary; seconds: number }> {
  const started = process.hrtime.bigint();
  let lastNote = Date.now();
  const scores = await scorePairs(split.pairs, provider, {
    concurrency,
    onProgress: (done, total) => {
      if (provider.name === 'openai' && (done === total || Date.now() - lastNote > 10_000)) {
        lastNote = Date.now();
        note(`  ${provider.name}: ${done}/${total} pairs scored`);
      }
    },
  });
  return { summary: summariseScores(scores), seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

async function scoreWithOpenAi(split: EvalSplit, concurrency: number): Promise<{ summary: QualitySummary; seconds: number; model: string; placeholderKey: boolean } | null> {
  const bench = openAiBenchSettings(process.env);
  if (!bench) return null;
  // The shared rate limit needs Redis; the bench's keys get their own prefix and are removed after.
  const prefix = `bench:quality:${randomUUID()}:`;
  const redis = createRedis(bench.redisUrl, { connectionName: 'bench-quality', keyPrefix: prefix });
  try {
    note(`Scoring with the openai provider (${bench.settings.model} at ${bench.settings.baseURL}, no cache, ${concurrency} at a time)…`);
    const provider = new OpenAiProvider({ settings: bench.settings, redis });
    const result = await scoreWith(split, provider, concurrency);
    return { ...result, model: bench.settings.model, placeholderKey: bench.placeholderKey };
  } finally {
    await removeKeys(redis, prefix);
    await redis.quit();
  }
}

/** SCAN patterns are not prefixed by ioredis, DEL arguments are: strip the prefix for DEL. */
async function removeKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys.map((key) => key.slice(prefix.length)));
  } while (cursor !== '0');
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const misses = options.misses ?? (options.split === 'dev' ? 15 : 0);
  const whole = loadSplit(options.split);
  const split = options.part ? selectPart(whole, options.part) : whole;
  const ambiguous = split.pairs.filter((pair) => pair.label === 'ambiguous').length;
  const scoredCount = split.pairs.length - ambiguous;

  const prefilter = summarisePrefilter(runPrefilter(split.pairs));
  const local = await scoreWith(split, new LocalProvider(), 1);
  const openai = await scoreWithOpenAi(split, options.concurrency);

  const metrics: MetricLine[] = [...providerMetrics('local', local.summary), ...prefilterMetrics(prefilter), ...(openai ? providerMetrics('openai', openai.summary) : [])];
  printFigureLines(metrics, out);
  out(
    `Evaluation set, ${split.split} split${options.part ? ` (${options.part} part only)` : ''}${split.split === 'dev' ? ' (for tuning)' : ' (never used for tuning)'}: ${split.profiles.length} profiles, ${split.postings.length} postings, ` +
      `${scoredCount} scored pairs (${split.pairs.filter((pair) => pair.label === 'ping').length} ping), ${ambiguous} ambiguous left out. Labels: eval/README.md.`,
  );
  out('');
  for (const line of qualityReport(local.summary, { title: `local provider (${new LocalProvider().model}), ${(local.seconds * 1000).toFixed(0)} ms`, misses })) out(line);
  out('');
  for (const line of prefilterReport(prefilter, { title: 'pre-filter (the matcher\'s gate, default margin)', misses })) out(line);
  out('');
  if (openai) {
    const title = `openai provider (${openai.model}, no cache${openai.placeholderKey ? ', no OPENAI_API_KEY: placeholder key sent' : ''}), ${openai.seconds.toFixed(1)} s`;
    for (const line of qualityReport(openai.summary, { title, misses })) out(line);
  } else {
    out('openai provider: skipped (OPENAI_BASE_URL is not set; point it at an OpenAI-compatible server to measure a model too).');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
