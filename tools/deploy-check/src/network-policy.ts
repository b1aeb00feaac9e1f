import { BlockList, isIP } from 'node:net';
import { z } from 'zod';
import type { K8sObject } from './manifests';

/*
 * What Kubernetes NetworkPolicies (networking.k8s.io/v1) allow, evaluated over the rendered
 * objects: the checks ask "may this pod reach that peer on this port?" the way the API
 * defines it. A pod is isolated for a direction once any policy of its namespace selects it
 * with that policy type; it is then allowed what the union of those policies' rules allows.
 * A connection needs both the source's egress and the destination's ingress.
 */

const labelSelectorSchema = z
  .object({
    matchLabels: z.record(z.string(), z.string()).optional(),
    matchExpressions: z
      .array(
        z
          .object({
            key: z.string(),
            operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist']),
            values: z.array(z.string()).optional(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();
export type LabelSelector = z.infer<typeof labelSelectorSchema>;

// Strict objects: a misspelt field (say `namespaceSelectors`) would otherwise be dropped and
// the peer would silently match everything.
const peerSchema = z
  .object({
    podSelector: labelSelectorSchema.optional(),
    namespaceSelector: labelSelectorSchema.optional(),
    ipBlock: z.object({ cidr: z.string(), except: z.array(z.string()).optional() }).strict().optional(),
  })
  .strict()
  .refine((peer) => !(peer.ipBlock && (peer.podSelector || peer.namespaceSelector)), 'ipBlock cannot be combined with selectors');

const portSchema = z
  .object({
    protocol: z.enum(['TCP', 'UDP', 'SCTP']).default('TCP'),
    port: z.union([z.number().int(), z.string()]).optional(),
    endPort: z.number().int().optional(),
  })
  .strict();

const ingressRuleSchema = z.object({ from: z.array(peerSchema).optional(), ports: z.array(portSchema).optional() }).strict();
const egressRuleSchema = z.object({ to: z.array(peerSchema).optional(), ports: z.array(portSchema).optional() }).strict();

const networkPolicySchema = z.object({
  apiVersion: z.literal('networking.k8s.io/v1'),
  kind: z.literal('NetworkPolicy'),
  metadata: z.object({ name: z.string(), namespace: z.string() }),
  spec: z
    .object({
      podSelector: labelSelectorSchema,
      policyTypes: z.array(z.enum(['Ingress', 'Egress'])).optional(),
      ingress: z.array(ingressRuleSchema).optional(),
      egress: z.array(egressRuleSchema).optional(),
    })
    .strict(),
});
export type NetworkPolicy = z.infer<typeof networkPolicySchema>;
type Peer = z.infer<typeof peerSchema>;
type PolicyPort = z.infer<typeof portSchema>;

/** The rendered NetworkPolicies, validated (a policy the schema does not know fails here, naming it). */
export function parseNetworkPolicies(objects: readonly K8sObject[]): NetworkPolicy[] {
  return objects
    .filter((o) => o.kind === 'NetworkPolicy')
    .map((o) => {
      const parsed = networkPolicySchema.safeParse(o);
      if (!parsed.success) throw new Error(`NetworkPolicy ${o.metadata.name}: ${z.prettifyError(parsed.error)}`);
      return parsed.data;
    });
}

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

/** One end of a connection: a pod (namespace and labels known) or an address outside the cluster. */
export interface Endpoint {
  /** For messages: "matcher", "a PostgreSQL pod in data", "203.0.113.10". */
  name: string;
  ip: string;
  pod?: {
    namespace: string;
    /** Labels of the pod's namespace (kubernetes.io/metadata.name is always among them). */
    namespaceLabels: Record<string, string>;
    labels: Record<string, string>;
    /** Declared container ports, for policies that name a port. */
    ports: { name?: string; containerPort: number; protocol?: Protocol }[];
  };
}

export interface Connection {
  from: Endpoint;
  to: Endpoint;
  port: number;
  protocol?: Protocol;
}

export function matchesSelector(selector: LabelSelector, labels: Record<string, string>): boolean {
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const byExpression = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    const value = labels[key];
    switch (operator) {
      case 'In':
        return value !== undefined && values.includes(value);
      case 'NotIn':
        return value === undefined || !values.includes(value);
      case 'Exists':
        return value !== undefined;
      case 'DoesNotExist':
        return value === undefined;
    }
  });
  return byLabel && byExpression;
}

/** `cidr` (IPv4 or IPv6) contains `ip`; addresses of the other family never match. */
export function cidrContains(cidr: string, ip: string): boolean {
  const [network = '', bits = ''] = cidr.split('/');
  const family = isIP(network);
  if (family === 0 || !/^\d+$/.test(bits)) throw new Error(`not a CIDR: ${cidr}`);
  if (isIP(ip) !== family) return false;
  const list = new BlockList();
  const type = family === 4 ? 'ipv4' : 'ipv6';
  list.addSubnet(network, Number(bits), type);
  return list.check(ip, type);
}

function policyTypes(policy: NetworkPolicy): ('Ingress' | 'Egress')[] {
  // The API's defaulting: Ingress always, Egress when egress rules are present.
  return policy.spec.policyTypes ?? (policy.spec.egress ? ['Ingress', 'Egress'] : ['Ingress']);
}

interface Semantics {
  /**
   * Whether an ipBlock also matches pod addresses. The API leaves it to the network plugin:
   * Calico matches pod IPs against CIDRs, Cilium applies CIDR rules to traffic leaving the
   * cluster only. A connection counts as allowed only if it is allowed either way, and as
   * denied only if it is denied either way.
   */
  ipBlockMatchesPods: boolean;
}

function peerMatches(peer: Peer, policyNamespace: string, other: Endpoint, semantics: Semantics): boolean {
  if (peer.ipBlock) {
    if (other.pod && !semantics.ipBlockMatchesPods) return false;
    const { cidr, except = [] } = peer.ipBlock;
    return cidrContains(cidr, other.ip) && !except.some((e) => cidrContains(e, other.ip));
  }
  if (!other.pod) return false;
  const inNamespace = peer.namespaceSelector
    ? matchesSelector(peer.namespaceSelector, other.pod.namespaceLabels)
    : other.pod.namespace === policyNamespace;
  return inNamespace && (!peer.podSelector || matchesSelector(peer.podSelector, other.pod.labels));
}

/** A rule's port entry against the destination port (a named port is the destination pod's). */
function portMatches(entry: PolicyPort, destination: Endpoint, port: number, protocol: Protocol): boolean {
  if (entry.protocol !== protocol) return false;
  if (entry.port === undefined) return true;
  if (typeof entry.port === 'number') return entry.endPort === undefined ? port === entry.port : port >= entry.port && port <= entry.endPort;
  return (destination.pod?.ports ?? []).some((p) => p.name === entry.port && p.containerPort === port && (p.protocol ?? 'TCP') === protocol);
}

function allowedBy(
  policies: readonly NetworkPolicy[],
  pod: Endpoint,
  direction: 'Ingress' | 'Egress',
  other: Endpoint,
  destination: Endpoint,
  port: number,
  protocol: Protocol,
  semantics: Semantics,
): boolean {
  if (!pod.pod) return true;
  const { namespace, labels } = pod.pod;
  const selecting = policies.filter(
    (p) => p.metadata.namespace === namespace && policyTypes(p).includes(direction) && matchesSelector(p.spec.podSelector, labels),
  );
  if (selecting.length === 0) return true; // not isolated
  return selecting.some((policy) => {
    const rules =
      direction === 'Ingress'
        ? (policy.spec.ingress ?? []).map((r) => ({ peers: r.from, ports: r.ports }))
        : (policy.spec.egress ?? []).map((r) => ({ peers: r.to, ports: r.ports }));
    return rules.some(
      (rule) =>
        (!rule.peers || rule.peers.length === 0 || rule.peers.some((peer) => peerMatches(peer, policy.metadata.namespace, other, semantics))) &&
        (!rule.ports || rule.ports.length === 0 || rule.ports.some((entry) => portMatches(entry, destination, port, protocol))),
    );
  });
}

function allows(policies: readonly NetworkPolicy[], connection: Connection, semantics: Semantics): boolean {
  const { from, to, port } = connection;
  const protocol = connection.protocol ?? 'TCP';
  return (
    allowedBy(policies, from, 'Egress', to, to, port, protocol, semantics) && allowedBy(policies, to, 'Ingress', from, to, port, protocol, semantics)
  );
}

export type Verdict = 'allowed' | 'denied' | 'depends on the network plugin';

/** Whether the policies let `from` open a connection to `to` on `port` (see Semantics). */
export function verdict(policies: readonly NetworkPolicy[], connection: Connection): Verdict {
  if (allows(policies, connection, { ipBlockMatchesPods: false })) return 'allowed';
  if (!allows(policies, connection, { ipBlockMatchesPods: true })) return 'denied';
  return 'depends on the network plugin';
}
