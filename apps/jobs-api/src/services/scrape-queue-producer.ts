import { scrapeQueue, scrapeRunRequestSchema } from '@jobping/contracts';
import type { Redis } from '@jobping/redis';
import { Queue } from 'bullmq';

/** Raised when the queue's Redis connection is not up: the caller answers 503 at once. */
export class QueueUnavailableError extends Error {
  constructor(cause?: unknown) {
    super('the scrape queue is unavailable', cause === undefined ? undefined : { cause });
    this.name = 'QueueUnavailableError';
  }
}

export interface ScrapeQueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

/**
 * The producer side of the BullMQ scrape-runs queue, on a connection of its own created
 * with `enableOfflineQueue: false`. BullMQ's own start-up (INFO for the Redis version)
 * waits for that connection; every call first checks that it is up, so while Redis is
 * unreachable a request fails at once instead of waiting for a reconnect — and the queue
 * recovers by itself when Redis is back.
 */
export class ScrapeQueueProducer {
  readonly queue: Queue;

  constructor(
    private readonly connection: Redis,
    prefix: string,
  ) {
    this.queue = new Queue(scrapeQueue.name, { connection, prefix });
  }

  private assertConnected(): void {
    if (this.connection.status !== 'ready') throw new QueueUnavailableError();
  }

  /** Adds `{ run_id }` with the run id as BullMQ job id: the same run can never be queued twice. */
  async enqueueRun(runId: string): Promise<void> {
    this.assertConnected();
    const payload = scrapeRunRequestSchema.parse({ run_id: runId });
    try {
      await this.queue.add(scrapeQueue.runJob, payload, {
        jobId: runId,
        removeOnComplete: { age: 24 * 3600, count: 1000 },
        removeOnFail: { age: 7 * 24 * 3600 },
      });
    } catch (error) {
      throw new QueueUnavailableError(error);
    }
  }

  /** Job counts by state, or null while Redis is unreachable. */
  async counts(): Promise<ScrapeQueueCounts | null> {
    if (this.connection.status !== 'ready') return null;
    try {
      const counts = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
      return {
        waiting: counts.waiting ?? 0,
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        failed: counts.failed ?? 0,
        completed: counts.completed ?? 0,
      };
    } catch {
      return null;
    }
  }

  /** Closes the BullMQ queue; the connection belongs to the caller. */
  close(): Promise<void> {
    return this.queue.close();
  }
}
