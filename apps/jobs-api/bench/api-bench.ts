/* eslint-disable no-console -- a benchmark prints its figures */
// `npm run bench -- api`: seeds 100,000 jobs and 1,000,000 matches in a database of its own
// (dropped afterwards), starts jobs-api and a bare Express route in a child process, and
// drives GET /api/jobs?limit=50 and GET /api/users/me/matches?limit=50 with autocannon on
// loopback: maximum throughput (10 connections) and latency at a fixed 500 req/s, each next
// to the bare route measured the same way in the same run. An http-kit route without database
// work shows the share of the shared HTTP stack. The routes are measured as deployed (pages
// kept by the page cache until the database notifies a change), and again on an instance
// whose change feed never starts, so every page is built from the database; the matches
// route once more while other users' matches are written (each write makes the next request
// of every caller re-check its page). One JSON line per figure, then a table.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createPrismaClient, type PrismaClient } from '@jobping/db';
import { createTestDatabase } from '@jobping/db/testing';
import { jwtSettingsFromConfig, signAccessToken } from '@jobping/http-kit';
import { createRedis } from '@jobping/redis';
import { printFigureLines, round, type Figure } from '@jobping/testing';
import autocannon from 'autocannon';

const JOBS = 100_000;
const USERS = 1_000;
const MATCHES_PER_USER = 1_000; // 1,000,000 matches
const TOKEN_USERS = 100; // requests rotate over this many users' tokens
const CONNECTIONS = 10;
const RATE = 500; // req/s of the latency runs
const DURATION = Number(process.env.BENCH_DURATION_SECONDS ?? 10);
const WARMUP = 3;


async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const start = process.hrtime.bigint();
  const result = await fn();
  console.error(`  ${label}: ${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(1)} s`);
  return result;
}

/** Bulk SQL on one connection: generate_series, secondary indexes rebuilt after the load. */
async function seed(prisma: PrismaClient): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET LOCAL maintenance_work_mem = '256MB'`;
      await tx.$executeRaw`SET LOCAL synchronous_commit = off`;
      // Secondary (and unique) indexes are dropped for the load and rebuilt exactly as defined afterwards;
      // the generated rows are unique by construction.
      const indexes = await tx.$queryRaw<{ indexname: string; indexdef: string }[]>`
        SELECT i.indexname, i.indexdef FROM pg_indexes i
        JOIN pg_class c ON c.relname = i.indexname
        JOIN pg_index x ON x.indexrelid = c.oid
        WHERE i.schemaname = 'public' AND i.tablename IN ('jobs', 'user_job_matches') AND NOT x.indisprimary`;
      for (const index of indexes) await tx.$executeRawUnsafe(`DROP INDEX "${index.indexname}"`);

      await timed('companies', () => tx.$executeRaw`
        INSERT INTO companies (name, normalized_name, website, company_info, company_info_updated_at)
        SELECT 'Company ' || i, 'company ' || i, 'https://company' || i || '.example.com',
          jsonb_build_object(
            'summary', 'Company ' || i || ' builds software for logistics and finance teams across Europe.',
            'size', (ARRAY['1-10', '11-50', '51-200', '201-500', '501-1000'])[1 + i % 5],
            'industry', (ARRAY['fintech', 'logistics', 'health', 'devtools', 'retail'])[1 + i % 5],
            'remote_policy', 'remote-friendly', 'tech_stack', jsonb_build_array('TypeScript', 'PostgreSQL', 'Kubernetes')),
          now()
        FROM generate_series(0, 999) AS i`);
      await tx.$executeRaw`CREATE TABLE bench_companies AS SELECT (row_number() OVER (ORDER BY normalized_name))::int - 1 AS n, id, name FROM companies`;
      await tx.$executeRaw`ALTER TABLE bench_companies ADD PRIMARY KEY (n)`;

      await timed(`${JOBS.toLocaleString('en')} jobs`, () => tx.$executeRaw`
        INSERT INTO jobs (source, source_id, url, dedupe_key, title, company_id, company, location, remote,
          salary_min, salary_max, salary_currency, salary_period, employment_type, description, posted_at, scraped_at,
          created_at, updated_at, status)
        SELECT 'fixture', 'bench-' || i, 'https://jobs.example.com/' || i, 'bench|' || i,
          (ARRAY['Senior', 'Staff', 'Junior', 'Lead', 'Principal'])[1 + i % 5] || ' ' ||
            (ARRAY['Backend', 'Frontend', 'Full-stack', 'Data', 'Platform', 'Mobile', 'DevOps'])[1 + i % 7] || ' Engineer',
          c.id, c.name,
          (ARRAY['Berlin, Germany', 'London, UK', 'Remote (EU)', 'Paris, France', 'Amsterdam, Netherlands', 'New York, USA'])[1 + i % 6],
          i % 3 = 0,
          CASE WHEN i % 4 = 0 THEN NULL ELSE 40000 + (i % 50) * 2000 END,
          CASE WHEN i % 4 = 0 THEN NULL ELSE 60000 + (i % 50) * 2000 END,
          CASE WHEN i % 4 = 0 THEN NULL ELSE 'EUR' END,
          CASE WHEN i % 4 = 0 THEN NULL ELSE 'year' END,
          'full-time',
          'We are looking for an engineer to join our ' || (ARRAY['payments', 'search', 'growth', 'infrastructure', 'mobile'])[1 + i % 5] ||
            ' team. You will design, build and run services in ' || (ARRAY['TypeScript', 'Go', 'Rust', 'Python', 'Kotlin', 'Java'])[1 + i % 6] ||
            ' on PostgreSQL and Kubernetes, review code, mentor colleagues and own features from idea to production. ' ||
            'We offer flexible hours, a learning budget, and ' || (ARRAY['remote work', 'a hybrid office', 'relocation support'])[1 + i % 3] || '.',
          now() - i * interval '1 minute', now() - i * interval '1 minute', now() - i * interval '1 minute', now(), 'fanned_out'
        FROM generate_series(0, ${JOBS - 1}::int) AS i JOIN bench_companies c ON c.n = i % 1000`);

      await tx.$executeRaw`
        INSERT INTO users (email, password_hash)
        SELECT 'bench-' || lpad(i::text, 5, '0') || '@example.com', 'not-a-hash' FROM generate_series(0, ${USERS - 1}::int) AS i`;
      await tx.$executeRaw`CREATE TABLE bench_users AS SELECT (row_number() OVER (ORDER BY email))::int - 1 AS n, id FROM users`;
      await tx.$executeRaw`CREATE TABLE bench_jobs AS SELECT (row_number() OVER (ORDER BY source_id))::int - 1 AS n, id FROM jobs`;
      await tx.$executeRaw`ALTER TABLE bench_jobs ADD PRIMARY KEY (n)`;

      // Each user gets 1,000 distinct jobs; scores spread 0–100; every 20th pair was ruled out by the pre-filter.
      await timed(`${(USERS * MATCHES_PER_USER).toLocaleString('en')} matches`, () => tx.$executeRaw`
        INSERT INTO user_job_matches (user_id, job_id, score, analysis, provider, model, prompt_version, prefilter_skipped,
          prefilter_reason, notified, created_at, updated_at)
        SELECT u.id, j.id, abs(hashint4(u.n * 1000 + k)) % 101,
          jsonb_build_object(
            'summary', 'Strong TypeScript background; the platform team fits the stated goals.',
            'pros', jsonb_build_array('remote-friendly', 'TypeScript and PostgreSQL', 'product company'),
            'cons', jsonb_build_array('on-call rotation'),
            'fit', 'good'),
          'local', 'rules-v1', 'v1', k % 20 = 0, CASE WHEN k % 20 = 0 THEN 'location' END, false, now(), now()
        FROM bench_users u CROSS JOIN generate_series(0, ${MATCHES_PER_USER - 1}::int) AS k
        JOIN bench_jobs j ON j.n = (u.n * 100 + k) % ${JOBS}::int`);

      await timed('secondary indexes', async () => {
        for (const index of indexes) await tx.$executeRawUnsafe(index.indexdef);
      });
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
  await timed('vacuum analyze', () => prisma.$executeRaw`VACUUM ANALYZE`);
}

/** EXPLAIN ANALYZE of the two hot queries as the service sends them (first page, limit 50). */
async function explain(prisma: PrismaClient, userId: string): Promise<Record<string, string>> {
  const plans: Record<string, string> = {};
  const jobs = await prisma.$queryRaw<{ 'QUERY PLAN': string }[]>`
    EXPLAIN ANALYZE SELECT j.id FROM jobs j JOIN companies c ON c.id = j.company_id ORDER BY j.created_at DESC, j.id DESC LIMIT 51`;
  const matches = await prisma.$queryRaw<{ 'QUERY PLAN': string }[]>`
    EXPLAIN ANALYZE SELECT m.id FROM user_job_matches m JOIN jobs j ON j.id = m.job_id JOIN companies c ON c.id = j.company_id
    WHERE m.user_id = ${userId}::uuid AND NOT m.prefilter_skipped ORDER BY m.score DESC, m.id DESC LIMIT 51`;
  for (const [name, rows] of [['jobs', jobs], ['matches', matches]] as const) {
    const lines = rows.map((row) => row['QUERY PLAN']);
    const scans = lines.filter((line) => /Index (Only )?Scan|Seq Scan/.test(line)).map((line) => line.trim().replace(/\s+\(cost.*$/, '').replace(/^->\s*/, ''));
    plans[name] = `${scans.join('; ')} | ${lines.find((line) => line.startsWith('Execution Time')) ?? ''}`;
  }
  return plans;
}

interface ServerPorts {
  apiPort: number;
  barePort: number;
  kitPort: number;
  uncachedPort: number;
}

function startServer(env: Record<string, string>): Promise<{ child: ChildProcess } & ServerPorts> {
  // BENCH_CPU_PROFILE=<dir> writes a V8 CPU profile of the server there.
  const profile = process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, path.join(__dirname, 'bench-server.js')], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      const ports = JSON.parse(line) as { api_port: number; bare_port: number; kit_port: number; uncached_port: number };
      resolve({ child, apiPort: ports.api_port, barePort: ports.bare_port, kitPort: ports.kit_port, uncachedPort: ports.uncached_port });
    });
  });
}

interface Measured {
  rps: number;
  /** CPU time of the server process per answered request (user + system), in ms. */
  cpuMs: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** User + system CPU time of a process so far, in ms (Linux /proc; 0 elsewhere). */
function cpuTimeMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
  } catch {
    return 0;
  }
}

async function drive(url: string, tokens: string[], options: { duration: number; rate?: number; pid: number }): Promise<Measured> {
  let next = 0;
  const cpuBefore = cpuTimeMs(options.pid);
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: options.duration,
    ...(options.rate ? { overallRate: options.rate } : {}),
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => {
          next = (next + 1) % tokens.length;
          return { ...req, headers: { ...req.headers, authorization: `Bearer ${tokens[next]}` } };
        },
      },
    ],
  });
  const cpuMs = (cpuTimeMs(options.pid) - cpuBefore) / Math.max(1, result.requests.total);
  return { rps: result.requests.average, cpuMs, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

/**
 * Updates 100 matches of one user at a time (users outside the token rotation, in turn),
 * every 20 ms — about the statement rate of the pipeline's matcher — until stopped.
 */
function startMatchWrites(prisma: PrismaClient): { stop(): Promise<number> } {
  let running = true;
  let statements = 0;
  const loop = (async () => {
    for (let n = TOKEN_USERS; running; n = n + 1 >= USERS ? TOKEN_USERS : n + 1) {
      await prisma.$executeRaw`
        UPDATE user_job_matches SET updated_at = now()
        WHERE id IN (SELECT m.id FROM user_job_matches m JOIN bench_users u ON u.id = m.user_id WHERE u.n = ${n} LIMIT 100)`;
      statements += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return statements;
    },
  };
}

/** Page-cache lookups by list and result, from the service's own /metrics. */
async function pageCacheLookups(baseUrl: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const counts: Record<string, number> = {};
  for (const match of text.matchAll(/^jobs_api_page_cache_lookups_total\{([^}]*)\} (\d+)/gm)) {
    const labels = Object.fromEntries([...match[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((label) => [label[1], label[2]]));
    counts[`${labels.list}.${labels.result}`] = Number(match[2]);
  }
  return counts;
}

async function main(): Promise<void> {
  const database = await createTestDatabase('api_bench');
  const prisma = createPrismaClient({ databaseUrl: database.url, poolSize: 2 });
  let server: ChildProcess | undefined;
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0';
  const bullPrefix = `bench:${randomUUID()}:bull`;
  try {
    console.error(`api benchmark: seeding ${JOBS.toLocaleString('en')} jobs and ${(USERS * MATCHES_PER_USER).toLocaleString('en')} matches`);
    await seed(prisma);
    const users = await prisma.$queryRaw<{ id: string }[]>`SELECT id FROM bench_users ORDER BY n LIMIT ${TOKEN_USERS}`;
    const plans = await explain(prisma, users[0]!.id);

    const secret = randomBytes(32).toString('base64');
    const jwt = jwtSettingsFromConfig({ JWT_SECRET: secret, JWT_ISSUER: 'jobping-auth', JWT_AUDIENCE: 'jobping-api' });
    const tokens = users.map((user) => signAccessToken(jwt, { id: user.id, roles: ['user'] }).token);

    const started = await startServer({
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: '10',
      REDIS_URL: redisUrl,
      JWT_SECRET: secret,
      BULLMQ_PREFIX: bullPrefix,
      JOBS_API_PORT: '0',
    });
    server = started.child;
    const base = (port: number) => `http://127.0.0.1:${port}`;
    const targets = {
      bare: `${base(started.barePort)}/bare`,
      kit: `${base(started.kitPort)}/api/kit`,
      jobs: `${base(started.apiPort)}/api/jobs?limit=50`,
      matches: `${base(started.apiPort)}/api/users/me/matches?limit=50`,
      jobs_uncached: `${base(started.uncachedPort)}/api/jobs?limit=50`,
      matches_uncached: `${base(started.uncachedPort)}/api/users/me/matches?limit=50`,
    } as const;
    const fixedRate = ['bare', 'kit', 'jobs', 'matches'] as const;

    console.error('  warming up');
    for (const url of Object.values(targets)) await drive(url, tokens, { duration: WARMUP, pid: server.pid! });
    const max: Record<string, Measured> = {};
    const fixed: Record<string, Measured> = {};
    const lookupsBefore = await pageCacheLookups(base(started.apiPort));
    for (const [name, url] of Object.entries(targets)) {
      console.error(`  ${name}: maximum throughput, ${DURATION} s`);
      max[name] = await drive(url, tokens, { duration: DURATION, pid: server.pid! });
    }
    for (const name of fixedRate) {
      console.error(`  ${name}: ${RATE} req/s, ${DURATION} s`);
      fixed[name] = await drive(targets[name], tokens, { duration: DURATION, rate: RATE, pid: server.pid! });
    }
    const lookupsAfter = await pageCacheLookups(base(started.apiPort));
    const lookups = (key: string) => (lookupsAfter[key] ?? 0) - (lookupsBefore[key] ?? 0);

    // Matches while other users' matches are written, as while the pipeline runs: each write
    // notifies, and each caller's next request re-checks its page's rows before reusing it.
    console.error(`  matches while matches are written: maximum throughput, ${DURATION} s`);
    const writer = startMatchWrites(prisma);
    max.matches_during_writes = await drive(targets.matches, tokens, { duration: DURATION, pid: server.pid! });
    const writes = await writer.stop();
    const lookupsEnd = await pageCacheLookups(base(started.apiPort));
    const duringWrites = (result: string) => (lookupsEnd[`matches.${result}`] ?? 0) - (lookupsAfter[`matches.${result}`] ?? 0);

    const failures = Object.entries({ ...max, ...fixed }).filter(([, m]) => m.non2xx > 0 || m.errors > 0);
    if (failures.length > 0) throw new Error(`non-2xx answers or errors: ${failures.map(([name]) => name).join(', ')}`);

    const bare = { max: max.bare!, fixed: fixed.bare! };
    const figures: Figure[] = [];
    for (const name of ['jobs', 'matches'] as const) {
      figures.push({ metric: `api.${name}_p99_ms`, value: fixed[name]!.p99, unit: 'ms', baseline: bare.fixed.p99, target: `<=25 at ${RATE} req/s` });
    }
    for (const name of ['jobs', 'matches'] as const) {
      figures.push({ metric: `api.${name}_ratio`, value: round(max[name]!.rps / bare.max.rps, 3), unit: 'ratio', baseline: round(bare.max.rps), target: '>=0.3' });
    }
    for (const name of ['jobs', 'matches'] as const) {
      figures.push({ metric: `api.${name}_req_per_s`, value: round(max[name]!.rps), unit: 'req/s', baseline: round(bare.max.rps) });
      figures.push({ metric: `api.${name}_p50_ms`, value: fixed[name]!.p50, unit: 'ms', baseline: bare.fixed.p50 });
      figures.push({ metric: `api.${name}_server_cpu_ms_per_req`, value: round(max[name]!.cpuMs, 2), unit: 'ms', baseline: round(bare.max.cpuMs, 2) });
    }
    for (const name of ['jobs', 'matches'] as const) {
      const uncached = max[`${name}_uncached`]!;
      figures.push({ metric: `api.${name}_uncached_ratio`, value: round(uncached.rps / bare.max.rps, 3), unit: 'ratio', baseline: round(bare.max.rps) });
      figures.push({ metric: `api.${name}_uncached_req_per_s`, value: round(uncached.rps), unit: 'req/s', baseline: round(bare.max.rps) });
      const hits = lookups(`${name}.hit`);
      const all = hits + lookups(`${name}.miss`) + lookups(`${name}.bypass`);
      figures.push({ metric: `api.${name}_page_cache_hit_ratio`, value: round(all > 0 ? hits / all : 0, 4), unit: 'ratio' });
    }
    const during = max.matches_during_writes!;
    figures.push({ metric: 'api.matches_during_writes_ratio', value: round(during.rps / bare.max.rps, 3), unit: 'ratio', baseline: round(bare.max.rps) });
    figures.push({ metric: 'api.matches_during_writes_req_per_s', value: round(during.rps), unit: 'req/s', baseline: round(bare.max.rps) });
    figures.push({ metric: 'api.match_write_statements_per_s', value: round(writes / DURATION), unit: 'statements/s' });
    const rechecked = duringWrites('checked') + duringWrites('miss');
    const answered = rechecked + duringWrites('hit') + duringWrites('bypass');
    figures.push({ metric: 'api.matches_during_writes_rechecked_ratio', value: round(answered > 0 ? rechecked / answered : 0, 3), unit: 'ratio' });
    figures.push({ metric: 'api.kit_stack_ratio', value: round(max.kit!.rps / bare.max.rps, 3), unit: 'ratio', baseline: round(bare.max.rps) });
    figures.push({ metric: 'api.kit_stack_server_cpu_ms_per_req', value: round(max.kit!.cpuMs, 2), unit: 'ms', baseline: round(bare.max.cpuMs, 2) });
    printFigureLines(figures);
    console.log(
      `api benchmark: ${JOBS.toLocaleString('en')} jobs, ${(USERS * MATCHES_PER_USER).toLocaleString('en')} matches; autocannon ${CONNECTIONS} connections, ` +
        `${DURATION} s per run on loopback; server in a child process (LOG_LEVEL=warn); tokens of ${TOKEN_USERS} users in rotation`,
    );
    console.table(
      (['bare', 'kit', 'jobs', 'matches', 'jobs_uncached', 'matches_uncached', 'matches_during_writes'] as const).map((name) => ({
        route: {
          bare: 'bare Express route',
          kit: 'http-kit route, no database (stack only)',
          jobs: 'GET /api/jobs?limit=50',
          matches: 'GET /api/users/me/matches?limit=50',
          jobs_uncached: 'GET /api/jobs?limit=50, every page built',
          matches_uncached: 'GET /api/users/me/matches?limit=50, every page built',
          matches_during_writes: "GET /api/users/me/matches?limit=50 while other users' matches are written",
        }[name],
        'max req/s': round(max[name]!.rps),
        'p50 ms (max)': max[name]!.p50,
        'p99 ms (max)': max[name]!.p99,
        [`p50 ms @${RATE}/s`]: fixed[name]?.p50 ?? '',
        [`p99 ms @${RATE}/s`]: fixed[name]?.p99 ?? '',
        'ratio to bare': round(max[name]!.rps / bare.max.rps, 3),
        'server CPU ms/req': round(max[name]!.cpuMs, 2),
      })),
    );
    console.log(`machine load average (1 min) at the end: ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]} on ${availableParallelism()} cores`);
    console.log('query plans (EXPLAIN ANALYZE, first page):');
    for (const [name, plan] of Object.entries(plans)) console.log(`  ${name}: ${plan}`);
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await prisma.$disconnect();
    await database.drop();
    // The server's BullMQ queue left its meta key under the run's own prefix.
    const redis = createRedis(redisUrl, { connectionName: 'jobs-api-bench-cleanup' });
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${bullPrefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    await redis.quit();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
