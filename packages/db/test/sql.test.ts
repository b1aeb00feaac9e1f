import { afterAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createPgPool } from '../src/client';
import { Prisma } from '../src/generated/prisma/client';
import { queryRows } from '../src/sql';

// One connection, so every statement lands on the session pg_prepared_statements reports.
const pool = createPgPool({ databaseUrl: process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres', poolSize: 1 });
afterAll(async () => pool.end());

const prepared = async (marker: string) =>
  (await pool.query<{ n: string }>('SELECT count(*) AS n FROM pg_prepared_statements WHERE statement LIKE $1', [`%${marker}%`])).rows[0]!.n;

describe('queryRows', () => {
  it('runs a named prepared statement that the connection keeps, or with prepare: false an unnamed one it does not', async () => {
    const kept = `kept_${randomUUID().slice(0, 8)}`;
    const passing = `passing_${randomUUID().slice(0, 8)}`;
    expect(await queryRows(pool, Prisma.sql`SELECT ${1}::int AS one, ${Prisma.raw(`'${kept}'`)} AS marker`)).toEqual([{ one: 1, marker: kept }]);
    expect(await queryRows(pool, Prisma.sql`SELECT ${2}::int AS two, ${Prisma.raw(`'${passing}'`)} AS marker`, { prepare: false })).toEqual([
      { two: 2, marker: passing },
    ]);
    expect(await prepared(kept)).toBe('1');
    expect(await prepared(passing)).toBe('0');
  });
});
