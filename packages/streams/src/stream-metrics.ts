import { Counter, Gauge, Histogram, type MetricsRegistry } from '@jobping/metrics';
import type { Redis } from '@jobping/redis';
import { streamGroups, type GroupReport } from './group-health';

const labelNames = ['stream', 'group'] as const;

export interface StreamMetrics {
  processed: Counter<'stream' | 'group'>;
  failed: Counter<'stream' | 'group'>;
  retried: Counter<'stream' | 'group'>;
  deadLettered: Counter<'stream' | 'group' | 'reason'>;
  duration: Histogram<'stream' | 'group'>;
  /** Reports every group of the stream as gauges when Prometheus scrapes (see streamGroupGauges). */
  watchStream(redis: Redis, streamKey: string, stream: string, staleAfterMs: number): void;
}

const cache = new WeakMap<MetricsRegistry, StreamMetrics>();

/** The stream metrics of one registry (created once, shared by every consumer in the process). */
export function streamMetrics(registry: MetricsRegistry): StreamMetrics {
  const existing = cache.get(registry);
  if (existing) return existing;
  const gauges = streamGroupGauges(registry);
  const metrics: StreamMetrics = {
    processed: new Counter({ name: 'stream_messages_processed_total', help: 'Messages handled and acknowledged', labelNames, registers: [registry] }),
    failed: new Counter({ name: 'stream_messages_failed_total', help: 'Handler failures (each attempt)', labelNames, registers: [registry] }),
    retried: new Counter({ name: 'stream_messages_retried_total', help: 'Redeliveries after a failure or a reclaim', labelNames, registers: [registry] }),
    deadLettered: new Counter({
      name: 'stream_messages_dead_lettered_total',
      help: 'Messages moved to the dead-letter stream',
      labelNames: ['stream', 'group', 'reason'],
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'stream_handler_duration_seconds',
      help: 'Handler run time',
      labelNames,
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60],
      registers: [registry],
    }),
    watchStream: (redis, streamKey, stream, staleAfterMs) => gauges.watch(redis, streamKey, stream, staleAfterMs),
  };
  cache.set(registry, metrics);
  return metrics;
}

export interface StreamGroupGauges {
  /** Adds a stream (once per key) whose groups the gauges report. */
  watch(redis: Redis, streamKey: string, stream: string, staleAfterMs: number): void;
}

const gaugeCache = new WeakMap<MetricsRegistry, StreamGroupGauges>();

/**
 * Gauges of every group of the watched streams, read from Redis when Prometheus scrapes:
 * `stream_group_pending`, `stream_group_lag` (absent while Redis cannot count it),
 * `stream_group_idle_seconds` (since a consumer of the group last read; absent without
 * consumers) and `stream_group_stale` (1: entries wait and nobody read them for
 * STREAM_STALE_GROUP_SECONDS). A stage worker watches the stream it reads, which shows a
 * group left behind by a removed stage; jobs-api watches every stage stream, so a stage with
 * no running worker (whose own /metrics is gone) is still reported.
 */
export function streamGroupGauges(registry: MetricsRegistry): StreamGroupGauges {
  const existing = gaugeCache.get(registry);
  if (existing) return existing;
  const watched = new Map<string, { redis: Redis; streamKey: string; stream: string; staleAfterMs: number }>();

  // The four gauges collect one after another in one scrape: they share one read of Redis.
  let snapshot: { at: number; rows: Promise<{ stream: string; group: GroupReport }[]> } | undefined;
  const read = () => {
    if (snapshot && Date.now() - snapshot.at < 1_000) return snapshot.rows;
    const rows = (async () => {
      const out: { stream: string; group: GroupReport }[] = [];
      for (const w of watched.values()) {
        try {
          for (const group of await streamGroups(w.redis, w.streamKey, w.staleAfterMs)) out.push({ stream: w.stream, group });
        } catch {
          // Redis unavailable: report nothing for this stream rather than fail the scrape.
        }
      }
      return out;
    })();
    snapshot = { at: Date.now(), rows };
    return rows;
  };
  const gauge = (name: string, help: string, value: (group: GroupReport) => number | null) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        this.reset();
        for (const { stream, group } of await read()) {
          const v = value(group);
          if (v !== null) this.set({ stream, group: group.name }, v);
        }
      },
    });
  gauge('stream_group_pending', 'Entries delivered to the group and not yet acknowledged', (g) => g.pending);
  gauge('stream_group_lag', 'Entries in the stream not yet delivered to the group (absent when Redis cannot tell, after trims)', (g) => g.lag);
  gauge('stream_group_idle_seconds', 'Seconds since a consumer of the group last read (absent when it has no consumers)', (g) =>
    g.idleMs === null ? null : g.idleMs / 1000,
  );
  gauge('stream_group_stale', '1 when entries wait for the group and none of its consumers read for STREAM_STALE_GROUP_SECONDS (or it has none)', (g) =>
    g.stale ? 1 : 0,
  );

  const gauges: StreamGroupGauges = {
    watch(redis, streamKey, stream, staleAfterMs) {
      if (!watched.has(streamKey)) watched.set(streamKey, { redis, streamKey, stream, staleAfterMs });
    },
  };
  gaugeCache.set(registry, gauges);
  return gauges;
}
