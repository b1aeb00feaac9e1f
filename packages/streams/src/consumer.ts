import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  ContractError,
  decodeEntry,
  fromFieldList,
  streams,
  type Envelope,
  type StreamMessage,
  type StreamName,
} from '@jobping/contracts';
import { backoffDelay, type BackoffOptions } from '@jobping/backoff';
import { withLogContext, type Logger } from '@jobping/logger';
import type { MetricsRegistry } from '@jobping/metrics';
import { reconnectBackoff, type Redis } from '@jobping/redis';
import { AckBatcher } from './ack-batcher';
import { deadLetter, type DeadLetterReason } from './dead-letter';
import { streamKeys } from './keys';
import { autoClaimResult, consumerInfos, isRedisError, pendingEntries, readGroupEntries, streamEntries, type StreamEntry } from './replies';
import { DEFAULT_STALE_GROUP_SECONDS } from './settings';
import { streamMetrics, type StreamMetrics } from './stream-metrics';
import { defaultTrimPolicy, trimConsumed, type TrimPolicy } from './trim';

/** Retry delays of a failing handler when the caller sets none (runStreamWorker passes STREAM_RETRY_*). */
const defaultBackoff: BackoffOptions = { baseMs: 1_000, maxMs: 60_000 };

export interface MessageContext {
  /** Stream entry id. */
  id: string;
  envelope: Envelope;
  /** 1 on the first delivery; rises with every retry or reclaim. */
  deliveries: number;
  consumer: string;
  /** Logs with stream, message id and the envelope's trace id. */
  logger: Logger;
}

export type MessageHandler<S extends StreamName> = (message: StreamMessage<S>, context: MessageContext) => Promise<void>;

export interface ConsumeOptions<S extends StreamName> {
  /**
   * Connection for acknowledgements, claims and dead letters. The blocking reader is a
   * duplicate of it: a blocked XREADGROUP holds its whole connection (ioredis #984, #1646).
   */
  redis: Redis;
  stream: S;
  handler: MessageHandler<S>;
  logger: Logger;
  registry?: MetricsRegistry;
  /** Defaults to the stage's group from packages/contracts. */
  group?: string;
  /** Unique per process; defaults to `<host>-<pid>-<random>`. */
  consumerName?: string;
  keyPrefix?: string;
  /** Entries per XREADGROUP. */
  batchSize?: number;
  /** Handlers running at once. */
  concurrency?: number;
  blockMs?: number;
  /** A pending entry idle this long is assumed abandoned and claimed by any consumer. Keep it above the slowest handler. */
  visibilityTimeoutMs?: number;
  /** How often this consumer looks for abandoned entries. */
  claimIntervalMs?: number;
  /** Deliveries after which a failing entry goes to the dead-letter stream. */
  maxDeliveries?: number;
  backoff?: BackoffOptions;
  trim?: TrimPolicy;
  /** How often consumed entries are trimmed and departed consumers removed. */
  maintenanceIntervalMs?: number;
  /** A consumer holding nothing and idle this long has left; it is removed from the group. */
  departedConsumerIdleMs?: number;
  /** How long stop() waits for running handlers. */
  shutdownTimeoutMs?: number;
  /** For the `stream_group_stale` gauge (with `registry`): STREAM_STALE_GROUP_SECONDS in ms. */
  staleGroupMs?: number;
}

export interface Consumer {
  readonly name: string;
  readonly group: string;
  /** Creates the group if needed and starts reading. */
  start(): Promise<void>;
  /** Stops reading, lets running handlers finish (bounded), acknowledges, closes connections. */
  stop(): Promise<void>;
}

export function defaultConsumerName(): string {
  return `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

export function consume<S extends StreamName>(options: ConsumeOptions<S>): Consumer {
  return new StreamConsumer(options);
}

class StreamConsumer<S extends StreamName> implements Consumer {
  readonly name: string;
  readonly group: string;
  private readonly keys;
  private readonly settings;
  private readonly reader: Redis;
  private readonly commands: Redis;
  private readonly acks: AckBatcher;
  private readonly metrics?: StreamMetrics;
  private readonly labels;
  private readonly logger: Logger;
  private running = false;
  private stopping?: Promise<void>;
  private readLoop?: Promise<void>;
  private readonly inflight = new Map<string, Promise<void>>();
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private readonly intervals: NodeJS.Timeout[] = [];
  private capacityWaiter?: () => void;
  private claiming = false;

  constructor(private readonly options: ConsumeOptions<S>) {
    this.name = options.consumerName ?? defaultConsumerName();
    this.group = options.group ?? streams[options.stream].group;
    this.keys = streamKeys(options.stream, options.keyPrefix);
    const visibilityTimeoutMs = options.visibilityTimeoutMs ?? 30_000;
    const blockMs = options.blockMs ?? 2_000;
    this.settings = {
      batchSize: options.batchSize ?? 50,
      concurrency: options.concurrency ?? 50,
      blockMs,
      visibilityTimeoutMs,
      claimIntervalMs: options.claimIntervalMs ?? Math.min(Math.max(visibilityTimeoutMs / 2, 100), 5_000),
      maxDeliveries: options.maxDeliveries ?? 5,
      backoff: options.backoff ?? defaultBackoff,
      trim: options.trim ?? defaultTrimPolicy,
      maintenanceIntervalMs: options.maintenanceIntervalMs ?? 30_000,
      departedConsumerIdleMs: options.departedConsumerIdleMs ?? 10 * 60_000,
      shutdownTimeoutMs: options.shutdownTimeoutMs ?? 25_000,
    };
    this.commands = options.redis;
    // A bounded command timeout makes a read that hangs after a reconnect fail and retry.
    this.reader = options.redis.duplicate({ enableAutoPipelining: false, maxRetriesPerRequest: null, commandTimeout: blockMs + 10_000, connectionName: `${this.name}:reader` });
    this.reader.on('error', (error: Error) => this.logger.debug('reader connection error', { error: error.message }));
    this.acks = new AckBatcher(this.commands, this.keys.stream, this.group);
    this.metrics = options.registry ? streamMetrics(options.registry) : undefined;
    this.labels = { stream: options.stream, group: this.group };
    this.logger = options.logger.child({ stream: options.stream, group: this.group, consumer: this.name });
  }

  async start(): Promise<void> {
    if (this.running) return;
    await this.ensureGroup();
    this.running = true;
    this.metrics?.watchStream(this.commands, this.keys.stream, this.options.stream, this.options.staleGroupMs ?? DEFAULT_STALE_GROUP_SECONDS * 1000);
    this.readLoop = this.readForever();
    this.intervals.push(setInterval(() => void this.claimAbandoned(), this.settings.claimIntervalMs));
    this.intervals.push(setInterval(() => void this.maintain(), this.settings.maintenanceIntervalMs));
    this.logger.info('consuming', { batch_size: this.settings.batchSize, concurrency: this.settings.concurrency });
  }

  stop(): Promise<void> {
    this.stopping ??= this.shutdown();
    return this.stopping;
  }

  private async shutdown(): Promise<void> {
    this.running = false;
    this.intervals.forEach(clearInterval);
    // Scheduled retries stay pending; a surviving consumer reclaims them after the visibility timeout.
    this.retryTimers.forEach(clearTimeout);
    this.capacityWaiter?.();
    // The read loop ends when its current BLOCK returns; do not wait on a dead connection for ever.
    await Promise.race([this.readLoop, sleep(this.settings.blockMs + 1_000)]);
    const running = [...this.inflight.values()];
    if (running.length > 0) {
      this.logger.info('waiting for running handlers', { count: running.length });
      const finished = await Promise.race([Promise.allSettled(running).then(() => true), sleep(this.settings.shutdownTimeoutMs).then(() => false)]);
      if (!finished) this.logger.warn('shutdown timeout: handlers still running; their messages stay pending for another consumer', { count: this.inflight.size });
    }
    this.reader.disconnect();
    this.logger.info('stopped');
  }

  private async ensureGroup(): Promise<void> {
    try {
      // From id 0: entries published before the group existed are processed too.
      await this.commands.call('XGROUP', 'CREATE', this.keys.stream, this.group, '0', 'MKSTREAM');
      this.logger.info('created consumer group');
    } catch (error) {
      if (!isRedisError(error, 'BUSYGROUP')) throw error;
    }
  }

  private get capacity(): number {
    return this.settings.concurrency - this.inflight.size;
  }

  private waitForCapacity(): Promise<void> {
    return new Promise((resolve) => {
      this.capacityWaiter = resolve;
    });
  }

  private async readForever(): Promise<void> {
    let failures = 0;
    while (this.running) {
      if (this.capacity <= 0) {
        await this.waitForCapacity();
        continue;
      }
      let reply: unknown;
      try {
        reply = await this.reader.call(
          'XREADGROUP', 'GROUP', this.group, this.name,
          'COUNT', String(Math.min(this.settings.batchSize, this.capacity)),
          'BLOCK', String(this.settings.blockMs),
          'STREAMS', this.keys.stream, '>',
        );
        failures = 0;
      } catch (error) {
        if (!this.running) break;
        if (isRedisError(error, 'NOGROUP')) {
          this.logger.warn('consumer group is gone; recreating it');
          await this.ensureGroup().catch(() => undefined);
          continue;
        }
        failures += 1;
        this.logger.warn('reading the stream failed; retrying', { error: (error as Error).message, attempt: failures });
        await sleep(backoffDelay(failures, reconnectBackoff));
        continue;
      }
      for (const entry of readGroupEntries(reply)) this.dispatch(entry, 1);
    }
  }

  private dispatch(entry: StreamEntry, deliveries: number): void {
    if (this.inflight.has(entry.id)) return;
    const task = this.handle(entry, deliveries)
      .catch((error: unknown) => {
        this.logger.error('unexpected error while handling a message', { error, message_id: entry.id });
      })
      .finally(() => {
        this.inflight.delete(entry.id);
        const waiter = this.capacityWaiter;
        this.capacityWaiter = undefined;
        waiter?.();
      });
    this.inflight.set(entry.id, task);
  }

  private async handle(entry: StreamEntry, deliveries: number): Promise<void> {
    let decoded;
    try {
      decoded = decodeEntry(this.options.stream, fromFieldList(entry.fields));
    } catch (error) {
      if (!(error instanceof ContractError)) throw error;
      // A malformed message will never succeed: straight to the dead letters.
      await this.toDeadLetters(entry, 'invalid', error.message, deliveries);
      return;
    }
    const { envelope, message } = decoded;
    await withLogContext({ trace_id: envelope.trace_id, message_id: entry.id }, async () => {
      const stopTimer = this.metrics?.duration.startTimer(this.labels);
      try {
        await this.options.handler(message, { id: entry.id, envelope, deliveries, consumer: this.name, logger: this.logger });
      } catch (error) {
        stopTimer?.();
        this.metrics?.failed.inc(this.labels);
        const reason = error instanceof Error ? error.message : String(error);
        if (deliveries >= this.settings.maxDeliveries) {
          await this.toDeadLetters(entry, 'exhausted', reason, deliveries);
          return;
        }
        // Delivery 1 failed: the first retry (attempt 0).
        const delay = backoffDelay(deliveries - 1, this.settings.backoff);
        this.logger.warn('handler failed; will retry', { error: reason, deliveries, retry_in_ms: delay });
        this.scheduleRetry(entry.id, delay);
        return;
      }
      stopTimer?.();
      try {
        await this.acks.ack(entry.id);
        this.metrics?.processed.inc(this.labels);
      } catch (error) {
        // The work is done; the entry stays pending and is redelivered (handlers are idempotent).
        this.logger.warn('acknowledging failed; the message will be redelivered', { error: (error as Error).message });
      }
    });
  }

  private async toDeadLetters(entry: StreamEntry, reason: DeadLetterReason, error: string, attempts: number): Promise<void> {
    try {
      await deadLetter(this.commands, {
        stream: this.options.stream,
        keyPrefix: this.options.keyPrefix ?? '',
        entry,
        reason,
        error,
        attempts,
        consumer: this.name,
        group: this.group,
      });
      this.metrics?.deadLettered.inc({ ...this.labels, reason });
      this.logger.error('message moved to the dead-letter stream', { message_id: entry.id, reason, error, attempts });
    } catch (writeError) {
      this.logger.error('could not dead-letter the message; it stays pending', { message_id: entry.id, error: (writeError as Error).message });
    }
  }

  /** Claims the entry back after `delay` (XCLAIM counts a delivery) unless another consumer took it. */
  private scheduleRetry(id: string, delayMs: number): void {
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      if (!this.running) return;
      void (async () => {
        try {
          const claimed = streamEntries('XCLAIM', await this.commands.call('XCLAIM', this.keys.stream, this.group, this.name, String(delayMs), id));
          await this.redeliver(claimed);
        } catch (error) {
          this.logger.warn('retry claim failed; the visibility timeout will bring it back', { message_id: id, error: (error as Error).message });
        }
      })();
    }, delayMs);
    this.retryTimers.add(timer);
  }

  private async redeliver(entries: StreamEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const first = entries[0]?.id as string;
    const last = entries[entries.length - 1]?.id as string;
    const pending = pendingEntries(await this.commands.call('XPENDING', this.keys.stream, this.group, first, last, String(entries.length * 2 + 10), this.name));
    const deliveries = new Map(pending.map((p) => [p.id, p.deliveries]));
    for (const entry of entries) {
      this.metrics?.retried.inc(this.labels);
      this.dispatch(entry, deliveries.get(entry.id) ?? 2);
    }
  }

  /** Takes over entries another (crashed or stuck) consumer left pending beyond the visibility timeout. */
  private async claimAbandoned(): Promise<void> {
    if (!this.running || this.claiming) return;
    this.claiming = true;
    try {
      let cursor = '0-0';
      do {
        if (this.capacity <= 0) break;
        const result = autoClaimResult(
          await this.commands.call('XAUTOCLAIM', this.keys.stream, this.group, this.name, String(this.settings.visibilityTimeoutMs), cursor, 'COUNT', String(this.capacity)),
        );
        if (result.deletedIds.length > 0) {
          // Pending entries whose data was deleted (redis #10227) can never be handled.
          await this.commands.call('XACK', this.keys.stream, this.group, ...result.deletedIds);
          this.logger.warn('acknowledged pending entries that no longer exist in the stream', { ids: result.deletedIds });
        }
        if (result.entries.length > 0) {
          this.logger.info('claimed abandoned messages', { count: result.entries.length });
          await this.redeliver(result.entries);
        }
        cursor = result.cursor;
      } while (cursor !== '0-0' && this.running);
    } catch (error) {
      this.logger.warn('claiming abandoned messages failed', { error: (error as Error).message });
    } finally {
      this.claiming = false;
    }
  }

  private async maintain(): Promise<void> {
    if (!this.running) return;
    try {
      if (this.settings.trim.strategy === 'minid') await trimConsumed(this.commands, this.keys.stream);
      const consumers = consumerInfos(await this.commands.call('XINFO', 'CONSUMERS', this.keys.stream, this.group));
      for (const consumer of consumers) {
        if (consumer.name !== this.name && consumer.pending === 0 && consumer.idleMs > this.settings.departedConsumerIdleMs) {
          await this.commands.call('XGROUP', 'DELCONSUMER', this.keys.stream, this.group, consumer.name);
          this.logger.info('removed a departed consumer from the group', { departed: consumer.name });
        }
      }
    } catch (error) {
      this.logger.warn('stream maintenance failed', { error: (error as Error).message });
    }
  }
}
