import { execFileSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import { repoPath } from './repo';

/** The parts of Kubernetes objects the checks read; everything else stays `unknown`. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: { name: string; key: string; optional?: boolean };
    configMapKeyRef?: { name: string; key: string; optional?: boolean };
    fieldRef?: { fieldPath: string };
  };
}

export interface Probe {
  httpGet?: { path: string; port: string | number };
}

export interface Container {
  name: string;
  image: string;
  command?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: {
    runAsNonRoot?: boolean;
    readOnlyRootFilesystem?: boolean;
    allowPrivilegeEscalation?: boolean;
    capabilities?: { drop?: string[] };
  };
  volumeMounts?: { name: string; mountPath: string }[];
}

export interface PodSpec {
  containers: Container[];
  automountServiceAccountToken?: boolean;
  terminationGracePeriodSeconds?: number;
  securityContext?: { runAsNonRoot?: boolean; seccompProfile?: { type: string } };
  volumes?: { name: string; emptyDir?: unknown }[];
}

/** `kubectl kustomize <dir>`: the objects `kubectl apply -k <dir>` would send. */
export function renderKustomization(dir: string): K8sObject[] {
  let output: string;
  try {
    output = execFileSync('kubectl', ['kustomize', repoPath(dir)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') {
      throw new Error('kubectl is not installed: deploy-check renders the overlays with `kubectl kustomize` (see scripts/lib/system-tools.mjs).', { cause: error });
    }
    throw new Error(`kubectl kustomize ${dir} failed: ${e.stderr ?? e.message}`, { cause: error });
  }
  return parseYamlStream(output) as K8sObject[];
}

/** Every document of a YAML stream, failing on any parse error. */
export function parseYamlStream(text: string): unknown[] {
  return parseAllDocuments(text).map((doc) => {
    if (doc.errors.length > 0) throw new Error(doc.errors.map((e) => e.message).join('\n'));
    return doc.toJS({ maxAliasCount: -1 });
  });
}

/** Looks objects up by kind and name in one render (a Kustomize overlay or a helm template). */
export class Rendered {
  /** `namespace`: where the objects go when the render has no Namespace object (helm's release namespace). */
  constructor(
    readonly objects: K8sObject[],
    readonly namespace?: string,
  ) {}

  ofKind(kind: string): K8sObject[] {
    return this.objects.filter((o) => o.kind === kind);
  }

  find(kind: string, name: string): K8sObject | undefined {
    return this.objects.find((o) => o.kind === kind && o.metadata.name === name);
  }

  get(kind: string, name: string): K8sObject {
    const found = this.find(kind, name);
    if (!found) throw new Error(`no ${kind} ${name}`);
    return found;
  }

  podSpec(kind: 'Deployment' | 'Job', name: string): PodSpec {
    const spec = this.get(kind, name).spec as { template: { spec: PodSpec } };
    return spec.template.spec;
  }

  /**
   * The environment a container starts with, as far as the manifests decide it: explicit
   * `env` entries win over `envFrom` ConfigMaps (as in Kubernetes). Secret references are
   * returned as such, since their values live outside the repository.
   */
  containerEnv(container: Container): Map<string, EnvVar> {
    const env = new Map<string, EnvVar>();
    for (const source of container.envFrom ?? []) {
      if (source.configMapRef) {
        const data = this.get('ConfigMap', source.configMapRef.name).data ?? {};
        for (const [name, value] of Object.entries(data)) env.set(name, { name, value });
      }
      if (source.secretRef) throw new Error(`envFrom secretRef ${source.secretRef.name}: reference single keys (secretKeyRef) so the checks can see them`);
    }
    for (const entry of container.env ?? []) env.set(entry.name, entry);
    return env;
  }
}
