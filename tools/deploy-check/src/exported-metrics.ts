import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createMetricsRegistry } from '@jobping/metrics';
import { parser } from '@prometheus-io/lezer-promql';
import { repoPath } from './repo';

/*
 * The metric names the services export, read from the code: every prom-client metric
 * constructed in packages/<x>/src and apps/<x>/src, and prom-client's process metrics that
 * @jobping/metrics turns on in every service. Alerts and dashboard panels may name only these.
 */

export type MetricType = 'Counter' | 'Gauge' | 'Histogram' | 'Summary';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'generated' || name === 'node_modules' ? [] : sourceFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** `new Counter({ name: 'x' …` anywhere; and where a helper builds `new Gauge({ name, …` from its argument, the names its calls pass. */
export function metricsDeclaredIn(text: string): Map<string, MetricType> {
  const found = new Map<string, MetricType>();
  for (const match of text.matchAll(/new (Counter|Gauge|Histogram|Summary)\(\{\s*name:\s*'([a-zA-Z_:][a-zA-Z0-9_:]*)'/g)) found.set(match[2] as string, match[1] as MetricType);
  for (const helper of text.matchAll(/new (Counter|Gauge|Histogram|Summary)\(\{\s*name,/g)) {
    // The helper's calls: `gauge('stream_group_lag', 'help …', …)`.
    for (const call of text.matchAll(/\b\w+\(\s*'([a-z_:][a-z0-9_:]*)',\s*'/g)) found.set(call[1] as string, helper[1] as MetricType);
  }
  return found;
}

export function exportedMetrics(): Map<string, MetricType> {
  const metrics = new Map<string, MetricType>();
  for (const group of ['packages', 'apps']) {
    for (const name of readdirSync(repoPath(group))) {
      const src = repoPath(group, name, 'src');
      if (!existsSync(src)) continue;
      for (const file of sourceFiles(src)) for (const [metric, type] of metricsDeclaredIn(readFileSync(file, 'utf8'))) metrics.set(metric, type);
    }
  }
  const registry = createMetricsRegistry('deploy-check');
  for (const metric of registry.getMetricsAsArray()) {
    const type = metric.constructor.name as MetricType;
    metrics.set(metric.name, ['Counter', 'Gauge', 'Histogram', 'Summary'].includes(type) ? type : 'Gauge');
  }
  registry.clear();
  return metrics;
}

/** The series names a metric exposes: histograms and summaries add _bucket/_sum/_count. */
export function seriesNames(metrics: Map<string, MetricType>): Set<string> {
  const names = new Set<string>();
  for (const [name, type] of metrics) {
    names.add(name);
    if (type === 'Histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${name}${suffix}`);
    if (type === 'Summary') for (const suffix of ['_sum', '_count']) names.add(`${name}${suffix}`);
  }
  return names;
}

/**
 * The metric names a PromQL expression selects, parsed with Prometheus' own grammar
 * (@prometheus-io/lezer-promql). Grafana's $__rate_interval-style variables are read as a range.
 * Throws on an expression that does not parse.
 */
export function metricsInPromQL(expression: string): string[] {
  const expr = expression.replace(/\$\{?__\w+\}?/g, '5m');
  const tree = parser.parse(expr);
  const names = new Set<string>();
  let error: number | undefined;
  tree.iterate({
    enter(node) {
      if (node.type.isError) error ??= node.from;
      if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector') names.add(expr.slice(node.from, node.to));
    },
  });
  if (error !== undefined) throw new Error(`not valid PromQL at character ${error}: ${expr}`);
  return [...names].sort();
}
