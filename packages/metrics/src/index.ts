export { createMetricsRegistry, type MetricsRegistry } from './registry';
export { Counter, Gauge, Histogram, Summary, type Registry } from 'prom-client';
