import { describe, expect, test } from '@jest/globals';
import { schemaViolations, SCHEMA_KUBERNETES_VERSION } from '../src/api-schemas';
import { declaredKubeVersion } from '../src/helm';
import type { K8sObject } from '../src/manifests';
import { eachRender } from '../src/renders';

test("the schemas are those of the oldest Kubernetes the chart declares (Chart.yaml kubeVersion)", () => {
  expect(declaredKubeVersion()).toBe(SCHEMA_KUBERNETES_VERSION);
});

describe.each(eachRender())('%s', (_name, { rendered }) => {
  test('every object is valid against its Kubernetes API schema (KEDA and prometheus-operator CRDs included)', () => {
    expect(schemaViolations(rendered.objects)).toEqual([]);
  });
});

describe('the schema check', () => {
  const deployment = (spec: unknown): K8sObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'matcher' }, spec: spec as Record<string, unknown> });
  const pod = { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'app', image: 'jobping/matcher:0.1.0' }] } };

  test('fails an object with a wrong type or a missing required field, naming the path', () => {
    expect(schemaViolations([deployment({ selector: { matchLabels: { a: 'b' } }, replicas: 'two', template: pod })])).toEqual([
      expect.stringMatching(/Deployment\/matcher: .*spec\/replicas must be integer/),
    ]);
    expect(schemaViolations([deployment({ template: pod })])).toEqual([expect.stringMatching(/data\/spec must have required property selector/)]);
  });

  test("fails a ScaledObject KEDA's CRD refuses, and an API Kubernetes removed", () => {
    const scaledObject = { apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledObject', metadata: { name: 'matcher' }, spec: { scaleTargetRef: { name: 'matcher' }, minReplicaCount: '1', triggers: [] } };
    expect(schemaViolations([scaledObject as K8sObject])).toEqual([expect.stringMatching(/minReplicaCount must be integer/)]);
    expect(schemaViolations([{ apiVersion: 'policy/v1beta1', kind: 'PodDisruptionBudget', metadata: { name: 'web' } }])).toEqual([expect.stringMatching(/not a stable API/)]);
    expect(schemaViolations([{ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }])).toEqual([expect.stringMatching(/no schema for example.com\/v1 Widget/)]);
  });
});
