import type { Container, Rendered } from './manifests';
import type { Endpoint, Protocol } from './network-policy';

/*
 * The pods and addresses the NetworkPolicy checks connect: our own pods as the overlay
 * renders them (labels, namespace, declared ports), and stand-ins for what lives around
 * them in a cluster (the ingress controller, Prometheus, kube-dns, data stores, the internet).
 */

type Ports = { name?: string; containerPort: number; protocol?: Protocol }[];

/**
 * The namespace every object of the render lives in, with the labels the API server gives it:
 * the overlay's Namespace object, or helm's release namespace (created beforehand, docs/deploying.md).
 */
export function overlayNamespace(rendered: Rendered): { name: string; labels: Record<string, string> } {
  const namespace = rendered.ofKind('Namespace')[0];
  if (!namespace && rendered.namespace) return { name: rendered.namespace, labels: { 'kubernetes.io/metadata.name': rendered.namespace } };
  if (!namespace) throw new Error('the render has no Namespace and no release namespace');
  // kubernetes.io/metadata.name is set on every namespace by the API server (1.22+).
  return { name: namespace.metadata.name, labels: { ...namespace.metadata.labels, 'kubernetes.io/metadata.name': namespace.metadata.name } };
}

/** A pod of a Deployment or Job of the overlay, at `ip`. */
export function workloadPod(rendered: Rendered, kind: 'Deployment' | 'Job', name: string, ip: string): Endpoint {
  const template = (rendered.get(kind, name).spec as { template: { metadata: { labels?: Record<string, string> }; spec: { containers: Container[] } } }).template;
  const namespace = overlayNamespace(rendered);
  return {
    name,
    ip,
    pod: {
      namespace: namespace.name,
      namespaceLabels: namespace.labels,
      labels: template.metadata.labels ?? {},
      ports: template.spec.containers.flatMap((c) => c.ports ?? []),
    },
  };
}

/** A pod in `namespace`: a name (labelled with its name only, as the API server does) or the overlay's own. */
export function podIn(namespace: string | { name: string; labels: Record<string, string> }, labels: Record<string, string>, ip: string, ports: Ports = []): Endpoint {
  const ns = typeof namespace === 'string' ? { name: namespace, labels: { 'kubernetes.io/metadata.name': namespace } } : namespace;
  return {
    name: `${Object.values(labels).join('/') || 'a pod'} in ${ns.name}`,
    ip,
    pod: { namespace: ns.name, namespaceLabels: ns.labels, labels, ports },
  };
}

/** An address outside the cluster's pods (the internet, a managed database, the metadata service). */
export function address(ip: string, name = ip): Endpoint {
  return { name, ip };
}

/** The container port a workload's readiness probe uses: where its /healthz, /readyz and /metrics are served. */
export function opsPort(rendered: Rendered, app: string): number {
  const spec = rendered.podSpec('Deployment', app);
  const container = spec.containers[0] as Container;
  const probePort = container.readinessProbe?.httpGet?.port;
  const port = container.ports?.find((p) => p.name === probePort || p.containerPort === probePort);
  if (!port) throw new Error(`${app}: the readiness probe's port ${String(probePort)} is not declared`);
  return port.containerPort;
}
