import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ChangeFeed, LIST_CHANGE_CHANNELS } from '../src/change-feed';
import { createTestDatabase, type TestDatabase } from '../src/testing';

let database: TestDatabase;
let writer: Client;

beforeAll(async () => {
  database = await createTestDatabase('change_feed');
  writer = new Client({ connectionString: database.url });
  await writer.connect();
});
afterAll(async () => {
  await writer?.end();
  await database?.drop();
});

interface Seen {
  notifications: { channel: string; payload: string }[];
  resets: number;
}

function startFeed(): { feed: ChangeFeed; seen: Seen } {
  const seen: Seen = { notifications: [], resets: 0 };
  // A loaded CI machine can take a second to answer `SELECT 1`; the default timeout would
  // then drop the connection and turn a barrier the test expects into `false`.
  const feed = new ChangeFeed({ databaseUrl: database.url, reconnectDelayMs: 20, syncTimeoutMs: 30_000 });
  feed.subscribe({
    onNotification: (channel, payload) => seen.notifications.push({ channel, payload }),
    onReset: () => (seen.resets += 1),
  });
  feed.start();
  return { feed, seen };
}

/** Runs `fn` with a feed that is listening, and closes it afterwards. */
async function withListeningFeed(fn: (feed: ChangeFeed, seen: Seen) => Promise<void>): Promise<ChangeFeed> {
  const { feed, seen } = startFeed();
  try {
    await until(() => feed.isLive);
    await fn(feed, seen);
  } finally {
    await feed.close();
  }
  return feed;
}

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function insertCompanyAndJob(): Promise<string> {
  const company = await writer.query<{ id: string }>(
    "INSERT INTO companies (name, normalized_name) VALUES ($1, $1) RETURNING id",
    [`c-${randomUUID()}`],
  );
  const id = randomUUID();
  await writer.query(
    `INSERT INTO jobs (id, source, source_id, url, dedupe_key, title, company_id, company, description, scraped_at, updated_at)
     VALUES ($1::uuid, 'fixture', $2, $3, $2, 'Engineer', $4, 'C', 'd', now(), now())`,
    [id, id, `https://example.com/${id}`, company.rows[0]!.id],
  );
  return id;
}

describe('ChangeFeed', () => {
  it('answers false until it listens, then vouches for every change committed before sync()', async () => {
    const { feed, seen } = startFeed();
    try {
      expect(await feed.sync()).toBe(false);
      await until(() => feed.isLive);
      for (let round = 0; round < 30; round += 1) {
        const before = seen.notifications.length;
        await insertCompanyAndJob(); // the writer's commit is acknowledged…
        expect(await feed.sync()).toBe(true); // …so the barrier has delivered its notification
        expect(seen.notifications.slice(before)).toContainEqual({ channel: LIST_CHANGE_CHANNELS.jobs, payload: '' });
      }
    } finally {
      await feed.close();
    }
  });

  it('tells nothing of a rolled-back write', () =>
    withListeningFeed(async (feed, seen) => {
      await writer.query('BEGIN');
      await insertCompanyAndJob();
      await writer.query('ROLLBACK');
      expect(await feed.sync()).toBe(true);
      expect(seen.notifications).toEqual([]);
      await writer.query("UPDATE companies SET website = 'https://example.com' WHERE false");
      expect(await feed.sync()).toBe(true);
      expect(seen.notifications).toEqual([{ channel: LIST_CHANGE_CHANNELS.jobs, payload: '' }]);
    }));

  it('notifies the matches channel once per statement that writes matches, however many rows', () =>
    withListeningFeed(async (feed, seen) => {
      const jobId = await insertCompanyAndJob();
      const users = await writer.query<{ id: string }>(
        "INSERT INTO users (email, password_hash) SELECT gen_random_uuid() || '@example.com', 'x' FROM generate_series(1, 3) RETURNING id",
      );
      await feed.sync();
      seen.notifications.length = 0;
      await writer.query(
        `INSERT INTO user_job_matches (user_id, job_id, score, analysis, provider, model, prompt_version, updated_at)
         SELECT u, $2::uuid, 50, '{}'::jsonb, 'local', 'rules', 'v1', now() FROM unnest($1::uuid[]) AS u`,
        [users.rows.map((row) => row.id), jobId],
      );
      expect(await feed.sync()).toBe(true);
      expect(seen.notifications).toEqual([{ channel: LIST_CHANGE_CHANNELS.matches, payload: '' }]);
    }));

  it('resets its subscribers when the connection is lost, answers false meanwhile, and listens again', async () => {
    const closed = await withListeningFeed(async (feed, seen) => {
      const resetsBefore = seen.resets;
      // Asked from inside the reset that reports the loss, before any timer could reconnect:
      // polling for it instead races the 20 ms reconnect on a loaded machine.
      const syncsWhileLost: Promise<boolean>[] = [];
      feed.subscribe({ onNotification: () => undefined, onReset: () => void (feed.isLive || syncsWhileLost.push(feed.sync())) });
      await writer.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'jobping-change-feed' AND datname = current_database()");
      await until(() => seen.resets > resetsBefore);
      expect(syncsWhileLost.length).toBeGreaterThan(0);
      expect(await Promise.all(syncsWhileLost)).toEqual(syncsWhileLost.map(() => false));
      await until(() => feed.isLive);
      expect(seen.resets).toBeGreaterThanOrEqual(resetsBefore + 2); // lost, then listening again
      const before = seen.notifications.length;
      await insertCompanyAndJob();
      expect(await feed.sync()).toBe(true);
      expect(seen.notifications.length).toBeGreaterThan(before);
    });
    expect(await closed.sync()).toBe(false);
  });

  it('shares round trips between concurrent callers', () =>
    withListeningFeed(async (feed) => {
      const before = feed.syncRounds;
      const results = await Promise.all(Array.from({ length: 500 }, () => feed.sync()));
      expect(results.every(Boolean)).toBe(true);
      // One round for the first caller and one queued behind it for the 499 others.
      expect(feed.syncRounds - before).toBe(2);
    }));
});
