import { describe, expect, test } from '@jest/globals';
import { exportedMetrics, metricsDeclaredIn, metricsInPromQL, seriesNames } from '../src/exported-metrics';
import type { K8sObject } from '../src/manifests';
import { helmRenderSpecs, deployRenders } from '../src/renders';
import { readRepoFile } from '../src/repo';

/*
 * What a platform team watches (charts/jobping: PrometheusRule, Grafana dashboard) may only name
 * metrics some service exports: an alert on a metric nobody exports never fires.
 */

const exported = seriesNames(exportedMetrics());
const withMonitoring = deployRenders().find((r) => r.name === 'helm examples/prod.yaml');

interface Rule {
  alert?: string;
  expr: string;
}

test('the metrics the alerts are about are exported (read from the code)', () => {
  for (const name of ['stream_group_lag', 'stream_group_stale', 'stream_group_idle_seconds', 'stream_messages_dead_lettered_total', 'http_requests_total', 'http_request_duration_seconds_bucket', 'scraper_runs_total', 'ai_llm_requests_total']) {
    expect({ name, exported: exported.has(name) }).toEqual({ name, exported: true });
  }
});

test('the prod example turns the ServiceMonitor, the alerts and the dashboard on', () => {
  expect(helmRenderSpecs().map((s) => s.name)).toContain('helm examples/prod.yaml');
  const kinds = withMonitoring?.rendered.objects.map((o) => `${o.kind}/${o.metadata.name}`) ?? [];
  expect(kinds).toEqual(expect.arrayContaining(['ServiceMonitor/jobping', 'PrometheusRule/jobping', 'ConfigMap/jobping-grafana-dashboard']));
});

describe('the PrometheusRule', () => {
  const rule = withMonitoring?.rendered.get('PrometheusRule', 'jobping') as K8sObject;
  const rules = (rule.spec as { groups: { rules: Rule[] }[] }).groups.flatMap((group) => group.rules);

  test('alerts on stream lag, dead letters, a stale group, API errors and p99, failing scrape runs and LLM errors', () => {
    const named = (metric: string) => rules.filter((r) => metricsInPromQL(r.expr).includes(metric)).map((r) => r.alert);
    for (const metric of ['stream_group_lag', 'stream_messages_dead_lettered_total', 'stream_group_stale', 'http_requests_total', 'http_request_duration_seconds_bucket', 'scraper_runs_total', 'ai_llm_requests_total']) {
      expect({ metric, alerts: named(metric) }).toEqual({ metric, alerts: expect.arrayContaining([expect.any(String)]) });
    }
  });

  test.each(rules.map((r) => [r.alert ?? r.expr, r] as const))('%s names only exported metrics', (_alert, r) => {
    const unknown = metricsInPromQL(r.expr).filter((name) => !exported.has(name));
    expect(unknown).toEqual([]);
  });
});

describe('the Grafana dashboard', () => {
  const dashboard = JSON.parse(readRepoFile('charts', 'jobping', 'files', 'grafana-dashboard.json')) as { panels: { title: string; targets: { expr: string }[] }[] };

  test('is shipped as a ConfigMap with the sidecar label, carrying files/grafana-dashboard.json', () => {
    const configMap = withMonitoring?.rendered.get('ConfigMap', 'jobping-grafana-dashboard') as K8sObject;
    expect(configMap.metadata.labels).toMatchObject({ grafana_dashboard: '1' });
    expect(JSON.parse(configMap.data?.['jobping.json'] ?? '{}')).toEqual(dashboard);
  });

  test.each(dashboard.panels.map((p) => [p.title, p] as const))('panel "%s" names only exported metrics', (_title, panel) => {
    const names = panel.targets.flatMap((t) => metricsInPromQL(t.expr));
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => !exported.has(name))).toEqual([]);
  });
});

describe('reading metric names', () => {
  test('from prom-client constructors and from helpers that pass the name on', () => {
    const text = `const a = new Counter({ name: 'jobs_seen_total', help: 'x' });
      const b = new Histogram({
        name: 'job_seconds', help: 'y' });
      const gauge = (name: string, help: string) => new Gauge({ name, help });
      gauge('queue_depth', 'entries waiting');`;
    expect(Object.fromEntries(metricsDeclaredIn(text))).toEqual({ jobs_seen_total: 'Counter', job_seconds: 'Histogram', queue_depth: 'Gauge' });
  });

  test('from PromQL, ignoring functions, labels and Grafana variables; refusing what does not parse', () => {
    expect(metricsInPromQL('sum by (stream) (rate(a_total{x="1"}[$__rate_interval])) / on (stream) b_gauge > 3')).toEqual(['a_total', 'b_gauge']);
    expect(() => metricsInPromQL('sum(rate(a_total[5m])')).toThrow(/not valid PromQL/);
  });
});
