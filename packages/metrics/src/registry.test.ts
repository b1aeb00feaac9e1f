import { describe, expect, it } from '@jest/globals';
import { Counter, createMetricsRegistry } from './index';

describe('createMetricsRegistry', () => {
  it('labels every series with the service and includes process metrics', async () => {
    const registry = createMetricsRegistry('matcher');
    const counter = new Counter({ name: 'jobs_total', help: 'jobs', registers: [registry] });
    counter.inc(3);
    const text = await registry.metrics();
    expect(text).toContain('jobs_total{service="matcher"} 3');
    expect(text).toMatch(/process_resident_memory_bytes\{service="matcher"\}/);
  });

  it('keeps registries of two services apart', async () => {
    const a = createMetricsRegistry('a', { defaultMetrics: false });
    const b = createMetricsRegistry('b', { defaultMetrics: false });
    new Counter({ name: 'only_in_a', help: 'x', registers: [a] }).inc();
    expect(await b.metrics()).not.toContain('only_in_a');
  });
});
