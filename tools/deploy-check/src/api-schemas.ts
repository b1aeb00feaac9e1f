import { createRequire } from 'node:module';
import type { K8sObject } from './manifests';

/*
 * Kubernetes' own OpenAPI schemas of each object, as the maintained kubernetes-models packages
 * compile them (ajv): kubernetes-models 4.5 carries Kubernetes 1.33.0 (its CHANGELOG, 4.5.0),
 * the oldest version the chart declares; the CRD packages carry KEDA's (2.10.1) and
 * prometheus-operator's (0.65.1) CRD schemas: the fields the chart uses are older than both. (The
 * newer releases of these packages are ESM-only and want Node 22; deploy-check runs on 20.19.) Those schemas leave unknown fields alone (so does the API server's OpenAPI), but
 * catch wrong types, missing required fields, bad enums and formats.
 */
export const SCHEMA_KUBERNETES_VERSION = '1.33.0';

/** Where the models of an API group live (kubernetes-models for the built-in groups). */
const CRD_MODELS: Record<string, string> = {
  'keda.sh': '@kubernetes-models/keda',
  'monitoring.coreos.com': '@kubernetes-models/prometheus-operator',
};

interface Model {
  validate(): void;
}
type ModelClass = new (data: unknown) => Model;

const load = createRequire(__filename);

/** The model class of apiVersion/kind, or a reason there is none. */
export function modelFor(apiVersion: string, kind: string): ModelClass | string {
  const [group, version] = apiVersion.includes('/') ? (apiVersion.split('/') as [string, string]) : ['', apiVersion];
  const crd = CRD_MODELS[group];
  // kubernetes-models also keeps APIs removed since (extensions/v1beta1, policy/v1beta1, …) for
  // old clusters: only stable versions of the built-in groups are accepted.
  if (!crd && !/^v\d+$/.test(version)) return `${apiVersion} is not a stable API; use the GA version Kubernetes ${SCHEMA_KUBERNETES_VERSION} serves`;
  const module = `${crd ?? 'kubernetes-models'}/${group ? `${group}/` : ''}${version}/${kind}`;
  try {
    const exported = (load(module) as Record<string, ModelClass | undefined>)[kind];
    return exported ?? `${module} exports no ${kind}`;
  } catch {
    return `no schema for ${apiVersion} ${kind} (not an API of Kubernetes ${SCHEMA_KUBERNETES_VERSION}, nor of a CRD deploy-check knows: ${Object.keys(CRD_MODELS).join(', ')})`;
  }
}

/** Each object that fails its schema, with the reason (empty when all are valid). */
export function schemaViolations(objects: readonly K8sObject[]): string[] {
  return objects.flatMap((object) => {
    const where = `${object.kind}/${object.metadata?.name}`;
    const Model = modelFor(object.apiVersion, object.kind);
    if (typeof Model === 'string') return [`${where}: ${Model}`];
    try {
      new Model(object).validate();
      return [];
    } catch (error) {
      return [`${where}: ${(error as Error).message}`];
    }
  });
}
