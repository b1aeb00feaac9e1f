import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { CHART_DIR, chartMetadata, helmTemplate, runHelm } from '../src/helm';
import { committedK8sBase, renderK8sBase } from '../src/k8s-base';
import { packageChart } from '../src/package-chart';
import { chartExamples, deployRenders, eachRender, helmRenderSpecs, TEST_SECRET_VALUES } from '../src/renders';
import { readRepoFile } from '../src/repo';

const setArgs = (set: Record<string, string>) => Object.entries(set).flatMap(([key, value]) => ['--set-string', `${key}=${value}`]);

describe('charts/jobping', () => {
  test('is a v2 chart whose appVersion is the root package.json version', () => {
    const chart = chartMetadata();
    expect(chart.apiVersion).toBe('v2');
    expect(chart.appVersion).toBe((JSON.parse(readRepoFile('package.json')) as { version: string }).version);
  });

  test('has example values for development, production and a cluster without KEDA', () => {
    expect(chartExamples().map((file) => path.basename(file))).toEqual(expect.arrayContaining(['dev.yaml', 'prod.yaml', 'no-keda.yaml']));
  });

  test.each(helmRenderSpecs().map((spec) => [spec.name, spec] as const))('helm lint --strict passes with %s', (_name, spec) => {
    const result = runHelm(['lint', '--strict', CHART_DIR, ...spec.valuesFiles.flatMap((file) => ['--values', file]), ...setArgs(spec.set)]);
    expect({ status: result.status, output: result.status === 0 ? '' : `${result.stdout}${result.stderr}` }).toEqual({ status: 0, output: '' });
  });

  test('k8s/base is the render of the chart (else run `pnpm k8s:render` and commit)', () => {
    const rendered = renderK8sBase();
    const committed = committedK8sBase();
    const differing = [...new Set([...rendered.keys(), ...committed.keys()])].filter((file) => rendered.get(file) !== committed.get(file)).sort();
    expect(differing).toEqual([]);
  });

  test('helm package writes the archive of the Chart.yaml version', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jobping-chart-'));
    try {
      expect(path.basename(packageChart(dir))).toBe(`jobping-${chartMetadata().version}.tgz`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('values.schema.json', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jobping-values-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const templateWith = (values: string, set: Record<string, string> = {}) => {
    const file = path.join(dir, `values-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(file, values);
    return runHelm(['template', 'jobping', CHART_DIR, '--values', file, ...setArgs(set)]);
  };

  test.each([
    ['an unknown key', 'apps:\n  matcher:\n    replica: 3\n', /at '\/apps\/matcher': additional properties 'replica' not allowed/],
    ['a misspelt section', 'autoscaling:\n  kedaa: {enabled: false}\n', /additional properties 'kedaa' not allowed/],
    ['a wrong type', 'autoscaling:\n  keda:\n    enabled: "no"\n', /at '\/autoscaling\/keda\/enabled': got string, want boolean/],
    ['a number as a string', 'apps:\n  web:\n    replicas: "2"\n', /at '\/apps\/web\/replicas': got string, want integer/],
    ['a KEDA address that is a URL', 'autoscaling:\n  keda:\n    redisAddress: redis://redis:6379\n', /at '\/autoscaling\/keda\/redisAddress'/],
    ['a created Secret without its values', 'secrets:\n  create: true\n', /at '\/secrets\/values\/JWT_SECRET': minLength: got 0, want 32/],
    ['neither a Secret to use nor one to create', 'secrets:\n  existingSecret: ""\n', /at '\/secrets\/existingSecret': minLength: got 0, want 1/],
  ])('%s fails helm template, naming the value', (_what, values, message) => {
    const result = templateWith(values);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(message);
  });

  test('the same Secret renders once its values are given', () => {
    expect(templateWith('secrets:\n  create: true\n', TEST_SECRET_VALUES).status).toBe(0);
  });

  test('nothing secret has a default value', () => {
    const defaults = parse(readRepoFile(CHART_DIR, 'values.yaml')) as { secrets: { values: Record<string, string> } };
    expect(Object.entries(defaults.secrets.values).filter(([, value]) => value !== '')).toEqual([]);
  });
});

describe.each(eachRender().filter(([, render]) => render.tool === 'helm'))('%s', (_name, deploy) => {
  const job = () => deploy.rendered.get('Job', 'jobping-migrate');

  test('migrates as a pre-install,pre-upgrade hook, the previous run replaced', () => {
    const annotations = (job().metadata as { annotations?: Record<string, string> }).annotations ?? {};
    expect(annotations).toMatchObject({ 'helm.sh/hook': 'pre-install,pre-upgrade', 'helm.sh/hook-delete-policy': 'before-hook-creation' });
    // At pre-install nothing of the release exists yet: the Job may read only what is already there or is a hook itself.
    const container = (job().spec as { template: { spec: { containers: { envFrom?: unknown[]; env?: { valueFrom?: { secretKeyRef?: { name: string } } }[] }[] } } }).template.spec.containers[0];
    expect(container?.envFrom ?? []).toEqual([]);
    for (const ref of (container?.env ?? []).flatMap((e) => (e.valueFrom?.secretKeyRef ? [e.valueFrom.secretKeyRef.name] : []))) {
      const secret = deploy.rendered.find('Secret', ref);
      if (deploy.createsSecret) expect((secret?.metadata as { annotations?: Record<string, string> } | undefined)?.annotations?.['helm.sh/hook']).toBe('pre-install,pre-upgrade');
      else expect(secret).toBeUndefined();
    }
  });

  test('rolls the pods when a setting changes (checksum of the ConfigMap)', () => {
    const deployment = deploy.rendered.get('Deployment', 'matcher').spec as { template: { metadata: { annotations?: Record<string, string> } } };
    expect(deployment.template.metadata.annotations?.['checksum/config']).toMatch(/^[0-9a-f]{64}$/);
  });
});

test('a setting changed with --set changes the checksum that rolls the pods', () => {
  const checksum = (set: Record<string, string>) => /checksum\/config: ([0-9a-f]+)/.exec(helmTemplate({ set, extraArgs: ['--show-only', 'templates/apps/matcher.yaml'] }))?.[1];
  expect(checksum({ 'config.LOG_LEVEL': 'debug' })).not.toBe(checksum({}));
});

test('the kustomize renders carry no Helm hooks or labels (kubectl applies them)', () => {
  for (const render of deployRenders().filter((r) => r.tool === 'kustomize')) {
    const text = JSON.stringify(render.rendered.objects);
    expect({ render: render.name, helm: /helm\.sh\/|managed-by/.test(text) }).toEqual({ render: render.name, helm: false });
  }
});
