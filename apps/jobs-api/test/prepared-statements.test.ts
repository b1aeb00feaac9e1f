// The hot lists run as named prepared statements, which PostgreSQL keeps per connection until
// the connection closes. Their number must not grow with what clients send: a sweep of every
// page size and filter combination through the real routes must leave a small, fixed set.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { encodeCursor } from '../src/cursor';
import { as, createJob, createMatch, startTestApp, type TestContext, type TestUser } from './helpers';

let ctx: TestContext;
let reader: TestUser;

beforeAll(async () => {
  ctx = await startTestApp('prepared_statements');
  reader = await ctx.user();
  for (let i = 0; i < 30; i += 1) {
    const job = await createJob(ctx.prisma, {
      title: `Backend Engineer ${i}`,
      company: i % 2 ? 'Acme' : 'Globex',
      location: i % 3 ? 'Berlin' : 'Lisbon',
      remote: i % 2 === 0,
      salaryMin: 60_000 + i * 1_000,
      salaryMax: 80_000 + i * 1_000,
      description: 'We build invoicing software in TypeScript and Go.',
    });
    await createMatch(ctx.prisma, reader.id, job.id, 40 + i);
  }
});
afterAll(async () => ctx?.close());

/** Every subset of the jobs filters. */
function filterCombinations(): Record<string, string>[] {
  const filters: [string, string][] = [
    ['q', 'engineer'],
    ['remote', 'true'],
    ['location', 'Berlin'],
    ['company', 'Acme'],
    ['posted_since', new Date(Date.now() - 86_400_000).toISOString()],
    ['min_salary', '70000'],
  ];
  return Array.from({ length: 2 ** filters.length }, (_, mask) => Object.fromEntries(filters.filter((_f, bit) => mask & (1 << bit))));
}

const qs = (params: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(params).map(([key, value]): [string, string] => [key, String(value)])).toString();

/** The prepared statements of every connection of the app's pool (held at once, so each is a different connection). */
async function preparedStatements(): Promise<{ perConnection: number[]; texts: Set<string> }> {
  const clients = await Promise.all(Array.from({ length: ctx.pool.options.max }, () => ctx.pool.connect()));
  try {
    const perConnection: number[] = [];
    const texts = new Set<string>();
    for (const client of clients) {
      const { rows } = await client.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements');
      perConnection.push(rows.length);
      for (const row of rows) texts.add(row.statement);
    }
    return { perConnection, texts };
  } finally {
    for (const client of clients) client.release();
  }
}

const EVERY_LIMIT = Array.from({ length: 100 }, (_, i) => i + 1);

async function sweep(user: TestUser, limits: readonly number[] = EVERY_LIMIT): Promise<void> {
  const jobsCursor = encodeCursor([new Date().toISOString(), '00000000-0000-0000-0000-000000000000']);
  const matchesCursor = encodeCursor([90, '00000000-0000-0000-0000-000000000000']);
  const get = (path: string) => as(ctx, user).get(path).expect(200);
  for (const limit of limits) {
    await get(`/api/jobs?${qs({ limit })}`);
    await get(`/api/jobs?${qs({ limit, cursor: jobsCursor })}`);
    await get(`/api/users/me/matches?${qs({ limit })}`);
    await get(`/api/users/me/matches?${qs({ limit, min_score: limit % 101 })}`);
    await get(`/api/users/me/matches?${qs({ limit, cursor: matchesCursor })}`);
    await get(`/api/users/me/matches?${qs({ limit, min_score: 50, cursor: matchesCursor })}`);
  }
  for (const filters of filterCombinations()) {
    for (const limit of limits.filter((_l, i) => i % 40 === 0)) {
      await get(`/api/jobs?${qs({ ...filters, limit })}`);
      await get(`/api/jobs?${qs({ ...filters, limit, cursor: jobsCursor })}`);
    }
  }
}

/**
 * The bound: per list, one statement per page-size step (10, 20, 50, 100) and cursor (with or
 * without) — jobs without filters, matches (min_score is a parameter), the matches-page check
 * — plus the two document reads: 3 × 4 × 2 + 2 = 26.
 */
const MAX_PREPARED_PER_CONNECTION = 26;

describe('prepared statements of the hot lists', () => {
  it('stay a small fixed set after a sweep of page sizes and filter combinations', async () => {
    await sweep(reader);
    // A match changes: the cached matches pages are re-checked against their rows.
    const { jobId } = await ctx.prisma.userJobMatch.findFirstOrThrow({ where: { userId: reader.id } });
    await as(ctx, reader).post(`/api/users/me/matches/${jobId}/feedback`, { feedback: 'up' }).expect(200);
    await sweep(reader, [2, 13, 37, 64, 88]);

    const { perConnection, texts } = await preparedStatements();
    expect(texts.size).toBeGreaterThan(0);
    for (const count of perConnection) expect(count).toBeLessThanOrEqual(MAX_PREPARED_PER_CONNECTION);
    expect(texts.size).toBeLessThanOrEqual(MAX_PREPARED_PER_CONNECTION);
    // No statement text names a page size a client chose: only the steps appear.
    const limits = new Set([...texts].flatMap((text) => [...text.matchAll(/LIMIT\s+(\S+)/gi)].map((m) => m[1])));
    for (const limit of limits) expect(['11', '21', '51', '101']).toContain(limit);

    // Another user, other page sizes: nothing new.
    await sweep(await ctx.user(), [3, 17, 42, 51, 99]);
    for (const text of (await preparedStatements()).texts) expect(texts).toContain(text);
  }, 120_000); // hundreds of requests in a sweep: slow on a busy machine
});
