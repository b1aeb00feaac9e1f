import { Registry, collectDefaultMetrics } from 'prom-client';

export type MetricsRegistry = Registry;

/**
 * One registry per process, passed explicitly to every package that records metrics, so
 * nothing depends on prom-client's global default registry (or on two copies of it).
 * Every series carries the `service` label; process metrics (CPU, memory, event loop) are on.
 */
export function createMetricsRegistry(service: string, { defaultMetrics = true } = {}): MetricsRegistry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  if (defaultMetrics) collectDefaultMetrics({ register: registry });
  return registry;
}
