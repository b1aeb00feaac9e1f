import { describe, expect, it } from '@jest/globals';
import { createTestDatabase } from '../src/testing';
import { listDatabases, query } from './test-database';

describe('createTestDatabase', () => {
  it('gives each caller its own migrated database and drops it', async () => {
    const [a, b] = await Promise.all([createTestDatabase('alpha'), createTestDatabase('alpha')]);
    try {
      expect(a.url).not.toBe(b.url);
      await query(a.url, "INSERT INTO companies (name, normalized_name) VALUES ('A', 'a')");
      expect(await query(b.url, 'SELECT * FROM companies')).toHaveLength(0);
      expect(await query(a.url, 'SELECT migration_name FROM _prisma_migrations')).not.toHaveLength(0);
    } finally {
      await Promise.all([a.drop(), b.drop()]);
    }
    const name = new URL(a.url).pathname.slice(1);
    expect(await listDatabases(name)).toEqual([]);
  });
});
