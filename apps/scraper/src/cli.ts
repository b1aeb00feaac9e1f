#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { loadConfig, refuseFixtureSourcesInProduction } from '@jobping/config';
import { jobSourceTypes } from '@jobping/contracts';
import { createPrismaClientFromConfig, type JobSource, type PrismaClient } from '@jobping/db';
import { createLogger } from '@jobping/logger';
import { createRedis } from '@jobping/redis';
import { createHttpClientFromConfig, createAdapterRegistry, FIXTURE_SOURCES_OFF } from '@jobping/sources';
import { APP_ROOT, scraperEnvFields, scraperEnvSchema } from './config';
import { createJobPublisher } from './services/job-publisher';
import { createScrapeRunner } from './services/scrape-runner';
import { addSource, findSource, listSources, readSeedFile, seedSources } from './services/sources-repo';

const USAGE = `Usage: jobping-scraper <command>

  sources list                                  every source with its state
  sources add <type> <identifier> [--terms a,b] [--location X] [--company "Display Name"] [--disabled]
  sources enable|disable|remove <id | type:identifier>
  sources seed [file]                           add the seed file's sources the table lacks
  run [--source <id | type:identifier>]...      one scrape run now (trigger cli), in this process

Types: ${jobSourceTypes.filter((type) => type !== 'fixture').join(', ')}, and fixture
(fixtures/<file>.json or a URL) when SCRAPE_FIXTURE_SOURCES=true.
`;

const out = (text: string) => void process.stdout.write(`${text}\n`);

function describe(source: JobSource): string {
  const state = source.enabled ? 'enabled ' : 'disabled';
  const extra = [
    source.searchTerms.length ? `terms=${source.searchTerms.join(',')}` : '',
    source.location ? `location=${source.location}` : '',
    source.companyName ? `company=${source.companyName}` : '',
    source.backfilledAt ? `backfilled=${source.backfilledAt.toISOString()}` : 'not backfilled',
    source.lastSuccessAt ? `last_success=${source.lastSuccessAt.toISOString()}` : '',
    source.lastError ? `last_error=${JSON.stringify(source.lastError)}` : '',
  ].filter(Boolean);
  return `${source.id}  ${state}  ${source.type}:${source.identifier}  ${extra.join('  ')}`;
}

async function sourcesCommand(prisma: PrismaClient, args: string[], knownTypes: string[], seedFile: string): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { terms: { type: 'string' }, location: { type: 'string' }, company: { type: 'string' }, disabled: { type: 'boolean', default: false } },
  });
  switch (action) {
    case 'list': {
      const sources = await listSources(prisma);
      if (sources.length === 0) out('no sources');
      for (const source of sources) out(describe(source));
      return 0;
    }
    case 'add': {
      const [type, identifier] = positionals;
      if (!type || !identifier) break;
      const source = await addSource(
        prisma,
        {
          type,
          identifier,
          search_terms: values.terms ? values.terms.split(',').map((t) => t.trim()).filter(Boolean) : [],
          location: values.location ?? null,
          company_name: values.company ?? null,
          enabled: !values.disabled,
        },
        knownTypes,
      );
      out(describe(source));
      return 0;
    }
    case 'enable':
    case 'disable':
    case 'remove': {
      const ref = positionals[0];
      if (!ref) break;
      const source = await findSource(prisma, ref);
      if (!source) {
        process.stderr.write(`no source ${ref}\n`);
        return 1;
      }
      if (action === 'remove') {
        await prisma.jobSource.delete({ where: { id: source.id } });
        out(`removed ${source.type}:${source.identifier}`);
      } else {
        out(describe(await prisma.jobSource.update({ where: { id: source.id }, data: { enabled: action === 'enable' } })));
      }
      return 0;
    }
    case 'seed': {
      const file = positionals[0] ?? seedFile;
      const { added, skipped } = await seedSources(prisma, await readSeedFile(file), knownTypes);
      out(`added ${added} source(s) from ${file}`);
      if (skipped.length > 0) out(`skipped ${skipped.map((s) => `${s.type}:${s.identifier}`).join(', ')}: ${FIXTURE_SOURCES_OFF}`);
      return 0;
    }
  }
  process.stderr.write(USAGE);
  return 2;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command !== 'sources' && command !== 'run') {
    process.stderr.write(USAGE);
    return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
  // Source commands need no Redis.
  const schema = command === 'run' ? scraperEnvSchema : scraperEnvFields.partial({ REDIS_URL: true }).superRefine(refuseFixtureSourcesInProduction);
  const config = loadConfig(schema);
  const adapters = createAdapterRegistry(config, APP_ROOT);
  const prisma = createPrismaClientFromConfig(config);
  try {
    if (command === 'sources') return await sourcesCommand(prisma, args, [...adapters.keys()], config.SCRAPE_SOURCES_FILE);

    const { values } = parseArgs({ args, options: { source: { type: 'string', multiple: true } } });
    const sourceIds: string[] = [];
    for (const ref of values.source ?? []) {
      const source = await findSource(prisma, ref);
      if (!source) {
        process.stderr.write(`no source ${ref}\n`);
        return 1;
      }
      sourceIds.push(source.id);
    }
    const logger = createLogger({ service: 'scraper-cli', level: config.LOG_LEVEL, nodeEnv: config.NODE_ENV });
    const redis = createRedis(config.REDIS_URL as string, { connectionName: 'scraper:cli' });
    const http = createHttpClientFromConfig(config, logger);
    try {
      const runner = createScrapeRunner({
        prisma,
        adapters,
        http,
        publisher: createJobPublisher({ redis, keyPrefix: config.STREAM_KEY_PREFIX, logger, maxLen: config.STREAM_MAXLEN }),
        logger,
        settings: {
          windowHours: config.SCRAPE_WINDOW_HOURS,
          backfillLimit: config.SCRAPE_BACKFILL_LIMIT,
          sourceConcurrency: config.SCRAPE_SOURCE_CONCURRENCY,
          sourceTimeoutMs: config.SCRAPE_SOURCE_TIMEOUT_MS,
          pause: { afterNotFound: config.SCRAPE_PAUSE_AFTER_NOT_FOUND, afterFailures: config.SCRAPE_PAUSE_AFTER_FAILURES },
        },
      });
      const runId = await runner.createRun('cli');
      const summary = await runner.executeRun(runId, sourceIds.length ? { sourceIds } : {});
      out(`run ${runId}: ${summary.status}, ${summary.jobsFound} found, ${summary.jobsNew} new, ${summary.published} published`);
      for (const [key, stats] of Object.entries(summary.sourceStats)) {
        const tail = stats.skipped ? ` skipped: ${stats.skipped}` : stats.errors.length ? ` errors: ${stats.errors.join('; ')}` : '';
        out(`  ${key}: ${stats.found} found, ${stats.new} new, ${stats.duplicates} duplicates${tail}`);
      }
      return summary.status === 'failed' ? 1 : 0;
    } finally {
      await http.close();
      await redis.quit().catch(() => redis.disconnect());
    }
  } finally {
    await prisma.$disconnect();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
