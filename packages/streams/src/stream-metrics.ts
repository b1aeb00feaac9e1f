import { Counter, Gauge, Histogram, type MetricsRegistry } from '@jobping/metrics';
import type { Redis } from '@jobping/redis';
import { groupInfos } from './replies';

const labelNames = ['stream', 'group'] as const;

export interface StreamMetrics {
  processed: Counter<'stream' | 'group'>;
  failed: Counter<'stream' | 'group'>;
  retried: Counter<'stream' | 'group'>;
  deadLettered: Counter<'stream' | 'group' | 'reason'>;
  duration: Histogram<'stream' | 'group'>;
  /** Reads pending and lag of a group when Prometheus scrapes. */
  watchGroup(redis: Redis, streamKey: string, stream: string, group: string): void;
}

const cache = new WeakMap<MetricsRegistry, StreamMetrics>();

/** The stream metrics of one registry (created once, shared by every consumer in the process). */
export function streamMetrics(registry: MetricsRegistry): StreamMetrics {
  const existing = cache.get(registry);
  if (existing) return existing;
  const watched: { redis: Redis; streamKey: string; stream: string; group: string }[] = [];

  const readGroups = async () => {
    const rows: { stream: string; group: string; pending: number; lag: number | null }[] = [];
    for (const w of watched) {
      try {
        const info = groupInfos(await w.redis.call('XINFO', 'GROUPS', w.streamKey)).find((g) => g.name === w.group);
        if (info) rows.push({ stream: w.stream, group: w.group, pending: info.pending, lag: info.lag });
      } catch {
        // No stream yet or Redis unavailable: report nothing rather than fail the scrape.
      }
    }
    return rows;
  };

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
    watchGroup(redis, streamKey, stream, group) {
      watched.push({ redis, streamKey, stream, group });
    },
  };

  new Gauge({
    name: 'stream_group_pending',
    help: 'Entries delivered to the group and not yet acknowledged',
    labelNames,
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await readGroups()) this.set({ stream: row.stream, group: row.group }, row.pending);
    },
  });
  new Gauge({
    name: 'stream_group_lag',
    help: 'Entries in the stream not yet delivered to the group',
    labelNames,
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await readGroups()) if (row.lag !== null) this.set({ stream: row.stream, group: row.group }, row.lag);
    },
  });

  cache.set(registry, metrics);
  return metrics;
}
