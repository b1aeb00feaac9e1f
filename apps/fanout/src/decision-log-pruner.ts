import { execute, Prisma, type PgPool } from '@jobping/db';
import type { Logger } from '@jobping/logger';

/** Rows deleted per statement: short transactions, so fan-out's inserts never wait long. */
const PRUNE_BATCH = 10_000;

/**
 * Deletes match_decisions rows older than `retentionDays`, in batches until none is left.
 * Pruned rather than partitioned: rows arrive in decided_at order, so the BRIN index on
 * decided_at finds the old ones in a few index pages; at 1M rows a day that is 100 batches a
 * day, spread over the hourly runs. Several fan-out replicas may prune at once: each batch
 * deletes what is still there.
 */
export async function pruneDecisionLog(pool: PgPool, { retentionDays, batchSize = PRUNE_BATCH }: { retentionDays: number; batchSize?: number }): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await execute(pool, Prisma.sql`
      DELETE FROM match_decisions WHERE ctid = ANY(ARRAY(
        SELECT ctid FROM match_decisions WHERE decided_at < now() - make_interval(days => ${retentionDays}::int) LIMIT ${batchSize}))`);
    total += deleted;
    if (deleted < batchSize) return total;
  }
}

/** Runs pruneDecisionLog every `intervalMs` (never two at once in one process); `stop` waits for the running one. */
export function startDecisionLogPruner(pool: PgPool, options: { retentionDays: number; intervalMs: number; logger: Logger }) {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const run = () => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        const deleted = await pruneDecisionLog(pool, options);
        if (deleted > 0) options.logger.info('old decision log rows deleted', { deleted, retention_days: options.retentionDays });
      } catch (error) {
        options.logger.error('decision log pruning failed; the next run tries again', { error: (error as Error).message });
      }
    });
  };
  const timer = setInterval(run, options.intervalMs);
  timer.unref();
  run();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
