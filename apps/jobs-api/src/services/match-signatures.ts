import { Prisma, queryRows, type PgPool } from '@jobping/db';
import DataLoader from 'dataloader';
import type { MatchesQuery } from '../schemas';
import { MATCHES_ORDER, matchesPageFilter, pageLimitClause, pageStep } from './list-read-model';

/**
 * The versions of the match rows a matches page shows (`id.xmin` of its `limit + 1` rows, in
 * page order): the page cache serves a page again only while they are unchanged.
 *
 * Requests arriving in the same turn of the event loop share one statement per page shape
 * (page step and cursor): a round trip to PostgreSQL cost this process more than reading a
 * cached page, measured on the api benchmark. Never cached — every request reads them anew.
 */
export class MatchSignatures {
  private readonly loader: DataLoader<SignatureKey, string, string>;

  constructor(private readonly pool: PgPool) {
    this.loader = new DataLoader((keys) => this.load(keys), {
      cache: false,
      // Requests parsed from different sockets run in separate callbacks of one poll phase.
      batchScheduleFn: (callback) => setImmediate(callback),
      maxBatchSize: 200,
    });
  }

  of(userId: string, query: MatchesQuery): Promise<string> {
    return this.loader.load({ userId, query });
  }

  private async load(keys: readonly SignatureKey[]): Promise<string[]> {
    const byShape = new Map<string, number[]>();
    keys.forEach((key, index) => {
      const shape = shapeOf(key.query);
      const indexes = byShape.get(shape);
      if (indexes) indexes.push(index);
      else byShape.set(shape, [index]);
    });
    const signatures: string[] = new Array<string>(keys.length).fill('');
    await Promise.all(
      [...byShape.values()].map(async (indexes) => {
        const group = indexes.map((index) => keys[index]!);
        const rows = await queryRows<{ i: number; signature: string | null }>(this.pool, signatureSql(group));
        for (const row of rows) {
          // The statement reads the page step's rows; the page's own are its first limit + 1.
          const key = group[row.i - 1]!;
          signatures[indexes[row.i - 1]!] = (row.signature ?? '').split(',').slice(0, key.query.limit + 1).join(',');
        }
      }),
    );
    return signatures;
  }
}

interface SignatureKey {
  userId: string;
  query: MatchesQuery;
}

/** Keys of one shape share a statement: the page step and whether there is a cursor (min_score is a column). */
const shapeOf = (query: MatchesQuery) => `${pageStep(query.limit)}|${query.cursor !== undefined}`;

/** One statement for keys of one shape: the page's own filter, per caller (row `r`). */
function signatureSql(keys: readonly SignatureKey[]): Prisma.Sql {
  const { query } = keys[0]!;
  const where = matchesPageFilter({
    userId: Prisma.sql`r.user_id`,
    minScore: Prisma.sql`r.min_score`,
    ...(query.cursor ? { cursor: [Prisma.sql`r.cursor_score::smallint`, Prisma.sql`r.cursor_id`] } : {}),
  });
  const column = <T>(pick: (key: SignatureKey) => T) => keys.map(pick);
  return Prisma.sql`
    SELECT r.i::int AS i, s.signature
    FROM unnest(
      ${column((key) => key.userId)}::uuid[],
      ${column((key) => key.query.min_score ?? 0)}::int[],
      ${column((key) => key.query.cursor?.[0] ?? null)}::int[],
      ${column((key) => key.query.cursor?.[1] ?? null)}::uuid[]
    ) WITH ORDINALITY AS r(user_id, min_score, cursor_score, cursor_id, i)
    CROSS JOIN LATERAL (
      SELECT string_agg(m.id::text || '.' || m.xmin::text, ',' ORDER BY m.score DESC, m.id DESC) AS signature
      FROM (
        SELECT m.id, m.xmin, m.score FROM user_job_matches m
        WHERE ${where}
        ${MATCHES_ORDER} ${pageLimitClause(query.limit)}
      ) m
    ) s`;
}
