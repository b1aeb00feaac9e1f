import { describe, expect, test } from '@jest/globals';
import { isStreamName, streams, type StreamName } from '@jobping/contracts';
import { WORKER_NODE_OPTIONS } from '@jobping/stream-worker';
import { streamKeys } from '@jobping/streams';
import { appEnvSchemas, effectiveValue } from '../src/app-schemas';
import type { K8sObject } from '../src/manifests';
import { eachRender } from '../src/renders';
import { deployedAppNames, isHttpApi, isStreamWorker, listApps, readRepoFile } from '../src/repo';

interface ScaledObjectSpec {
  scaleTargetRef: { name: string; kind?: string };
  minReplicaCount?: number;
  maxReplicaCount?: number;
  triggers: { type: string; metadata: Record<string, string>; authenticationRef?: { name: string } }[];
}

interface HpaSpec {
  scaleTargetRef: { apiVersion: string; kind: string; name: string };
  minReplicas?: number;
  maxReplicas: number;
  metrics?: unknown[];
}

/** The stream a stage app consumes: the `stream:` its main.ts passes to runStreamWorker. */
function consumedStream(app: string): StreamName {
  const match = readRepoFile('apps', app, 'src', 'main.ts').match(/runStreamWorker\(\{[^]*?\bstream:\s*'([\w-]+)'/);
  const name = match?.[1] ?? '';
  if (!isStreamName(name)) throw new Error(`apps/${app}/src/main.ts: no runStreamWorker stream found (got "${name}")`);
  return name;
}

/** A Kubernetes memory quantity (Mi, Gi, M, G or bytes) in MiB. */
function mebibytes(quantity: string): number {
  const match = /^(\d+(?:\.\d+)?)(Mi|Gi|M|G)?$/.exec(quantity);
  if (!match) throw new Error(`unreadable memory quantity ${quantity}`);
  const factor = { Mi: 1, Gi: 1024, M: 1e6 / 2 ** 20, G: 1e9 / 2 ** 20 }[match[2] ?? ''] ?? 1 / 2 ** 20;
  return Number(match[1]) * factor;
}

const streamWorkers = listApps().filter(isStreamWorker).map((app) => app.name);
const httpApis = listApps().filter(isHttpApi).map((app) => app.name);

test('the repository has stream workers and HTTP APIs to scale', () => {
  expect(streamWorkers).toEqual(expect.arrayContaining(['company-researcher', 'fanout', 'matcher', 'notifier']));
  expect(httpApis).toEqual(expect.arrayContaining(['auth-api', 'jobs-api']));
});

describe.each(eachRender())('%s', (_name, deploy) => {
  const { rendered } = deploy;
  // Checks of KEDA's objects exist only where the render scales with KEDA.
  const withKeda: typeof test = deploy.keda ? test : (((_title: string) => undefined) as unknown as typeof test);
  const scaledObjects = rendered.ofKind('ScaledObject');
  const scaledObjectFor = (app: string) => scaledObjects.find((o) => (o.spec as unknown as ScaledObjectSpec).scaleTargetRef.name === app);

  describe.each(streamWorkers)('stream worker %s', (app) => {
    if (!deploy.keda) {
      test('runs a fixed number of pods without KEDA, and no ScaledObject or TriggerAuthentication', () => {
        expect((rendered.get('Deployment', app).spec as { replicas?: number }).replicas).toBeGreaterThanOrEqual(1);
        expect(scaledObjectFor(app)).toBeUndefined();
        expect(rendered.ofKind('TriggerAuthentication')).toEqual([]);
      });
    }

    withKeda("scales with KEDA on its consumer group's stream, named as in @jobping/contracts", () => {
      const scaledObject = scaledObjectFor(app);
      if (!scaledObject) throw new Error(`no ScaledObject targets Deployment ${app}`);
      const spec = scaledObject.spec as unknown as ScaledObjectSpec;
      expect(spec.scaleTargetRef.kind ?? 'Deployment').toBe('Deployment');
      const container = rendered.podSpec('Deployment', app).containers[0];
      const env = rendered.containerEnv(container as NonNullable<typeof container>);
      const schema = appEnvSchemas[app];
      if (!schema) throw new Error(`${app} has no config schema in deploy-check`);
      // The key the worker will read: STREAM_KEY_PREFIX as deployed, then the contract's stream name.
      const prefix = String(effectiveValue(schema, 'STREAM_KEY_PREFIX', env.get('STREAM_KEY_PREFIX')?.value));
      const stream = consumedStream(app);
      const triggers = spec.triggers.filter((t) => t.type === 'redis-streams');
      expect(triggers).toHaveLength(1);
      const trigger = triggers[0] as (typeof triggers)[number];
      expect({ stream: trigger.metadata.stream, consumerGroup: trigger.metadata.consumerGroup }).toEqual({
        stream: streamKeys(stream, prefix).stream,
        consumerGroup: streams[stream].group,
      });
      expect(trigger.metadata.address ?? trigger.metadata.host).toBeTruthy();
      expect(Number(trigger.metadata.lagCount ?? trigger.metadata.pendingEntriesCount)).toBeGreaterThan(0);
      if (trigger.authenticationRef) expect(rendered.find('TriggerAuthentication', trigger.authenticationRef.name)).toBeDefined();
      expect(spec.maxReplicaCount ?? 100).toBeGreaterThanOrEqual(spec.minReplicaCount ?? 0);
    });

    test("runs with the workers' heap limits (WORKER_NODE_OPTIONS) inside its memory limit", () => {
      const container = rendered.podSpec('Deployment', app).containers[0] as NonNullable<ReturnType<typeof rendered.podSpec>['containers'][number]>;
      expect(rendered.containerEnv(container).get('NODE_OPTIONS')?.value).toBe(WORKER_NODE_OPTIONS);
      const oldSpaceMb = Number(/--max-old-space-size=(\d+)/.exec(WORKER_NODE_OPTIONS)?.[1]);
      expect(mebibytes(String(container.resources?.limits?.memory))).toBeGreaterThan(oldSpaceMb * 2);
    });

    withKeda('leaves its replica count to KEDA', () => {
      expect((rendered.get('Deployment', app).spec as { replicas?: number }).replicas).toBeUndefined();
    });
  });

  withKeda('every stage stream of @jobping/contracts has exactly one ScaledObject', () => {
    const scaled = scaledObjects.flatMap((o) => (o.spec as unknown as ScaledObjectSpec).triggers.map((t) => t.metadata.consumerGroup));
    expect([...scaled].sort()).toEqual(Object.values(streams).map((s) => s.group).sort());
  });

  describe.each(httpApis)('HTTP API %s', (app) => {
    test('scales with an autoscaling/v2 HorizontalPodAutoscaler and leaves its replica count to it', () => {
      const hpa = rendered.ofKind('HorizontalPodAutoscaler').find((o) => (o.spec as unknown as HpaSpec).scaleTargetRef.name === app);
      if (!hpa) throw new Error(`no HorizontalPodAutoscaler targets Deployment ${app}`);
      expect(hpa.apiVersion).toBe('autoscaling/v2');
      const spec = hpa.spec as unknown as HpaSpec;
      expect(spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: app });
      expect(spec.minReplicas ?? 1).toBeGreaterThanOrEqual(1);
      expect(spec.maxReplicas).toBeGreaterThanOrEqual(spec.minReplicas ?? 1);
      expect(spec.metrics?.length).toBeGreaterThan(0);
      expect((rendered.get('Deployment', app).spec as { replicas?: number }).replicas).toBeUndefined();
    });
  });

  describe.each(deployedAppNames())('%s', (app) => {
    test('has a PodDisruptionBudget over its pods that still lets a node drain', () => {
      const labels = (rendered.get('Deployment', app).spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels;
      const budgets = rendered.ofKind('PodDisruptionBudget').filter((pdb: K8sObject) => {
        const selector = (pdb.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels;
        return Object.entries(selector).every(([key, value]) => labels[key] === value);
      });
      expect(budgets).toHaveLength(1);
      const spec = (budgets[0] as K8sObject).spec as { maxUnavailable?: number | string; minAvailable?: number | string };
      // A minAvailable equal to a one-replica Deployment would block every drain.
      expect(spec.maxUnavailable).toBeDefined();
      expect(spec.maxUnavailable).not.toBe(0);
    });
  });
});
