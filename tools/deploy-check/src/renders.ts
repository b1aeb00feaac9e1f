import { readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { CHART_DIR, NAMESPACE, helmTemplate } from './helm';
import { Rendered, parseYamlStream, renderKustomization, type K8sObject } from './manifests';
import { listOverlays, readRepoFile, repoPath } from './repo';

/*
 * Every way the repository deploys JobPing, rendered: each Kustomize overlay, and the chart with
 * its default values and with each example values file. deploy-check's rules run on all of them.
 */

export interface DeployRender {
  /** "kustomize dev", "helm defaults", "helm examples/no-keda.yaml". */
  name: string;
  tool: 'kustomize' | 'helm';
  rendered: Rendered;
  /** Whether the render makes the Secret the apps read (the chart's secrets.create). */
  createsSecret: boolean;
  /** Whether the stream workers scale with KEDA (else each runs a fixed count). */
  keda: boolean;
}

/** Stand-ins the checks give an example that creates its Secret (helm install would take them from --set-string). */
export const TEST_SECRET_VALUES: Record<string, string> = {
  'secrets.values.DATABASE_URL': 'postgresql://jobping:not-a-real-password@postgresql.data.svc:5432/jobping',
  'secrets.values.REDIS_URL': 'redis://redis.data.svc:6379/0',
  'secrets.values.JWT_SECRET': 'a-test-only-secret-of-at-least-32-characters',
};

/** The chart's example values files (charts/jobping/examples). */
export function chartExamples(): string[] {
  return readdirSync(repoPath(CHART_DIR, 'examples'))
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => `${CHART_DIR}/examples/${file}`);
}

interface ExampleValues {
  secrets?: { create?: boolean };
  autoscaling?: { keda?: { enabled?: boolean } };
}

/** The helm renders: defaults, then each example (with test secrets where it creates the Secret). */
export function helmRenderSpecs(): { name: string; valuesFiles: string[]; set: Record<string, string>; createsSecret: boolean; keda: boolean }[] {
  const defaults = { name: 'helm defaults', valuesFiles: [], set: {}, createsSecret: false, keda: true };
  return [
    defaults,
    ...chartExamples().map((file) => {
      const values = (parse(readRepoFile(file)) ?? {}) as ExampleValues;
      const createsSecret = values.secrets?.create === true;
      return {
        name: `helm ${file.slice(CHART_DIR.length + 1)}`,
        valuesFiles: [file],
        set: createsSecret ? TEST_SECRET_VALUES : {},
        createsSecret,
        keda: values.autoscaling?.keda?.enabled ?? true,
      };
    }),
  ];
}

let cached: DeployRender[] | undefined;

/** Every render (computed once per test file). */
export function deployRenders(): DeployRender[] {
  cached ??= [
    ...listOverlays().map((overlay) => ({
      name: `kustomize ${overlay}`,
      tool: 'kustomize' as const,
      rendered: new Rendered(renderKustomization(`k8s/overlays/${overlay}`)),
      createsSecret: false,
      keda: true,
    })),
    ...helmRenderSpecs().map((spec) => ({
      name: spec.name,
      tool: 'helm' as const,
      rendered: new Rendered(parseYamlStream(helmTemplate({ valuesFiles: spec.valuesFiles, set: spec.set })).filter(Boolean) as K8sObject[], NAMESPACE),
      createsSecret: spec.createsSecret,
      keda: spec.keda,
    })),
  ];
  return cached;
}

/** For describe.each: [name, render] pairs. */
export const eachRender = () => deployRenders().map((render) => [render.name, render] as const);
