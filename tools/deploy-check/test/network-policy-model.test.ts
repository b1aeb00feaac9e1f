import { describe, expect, test } from '@jest/globals';
import { parse } from 'yaml';
import { address, podIn } from '../src/cluster-model';
import type { K8sObject } from '../src/manifests';
import { cidrContains, parseNetworkPolicies, verdict } from '../src/network-policy';

// The evaluator the NetworkPolicy checks stand on, against the cases the Kubernetes
// documentation spells out (concepts/services-networking/network-policies).

const policies = (yaml: string) => parseNetworkPolicies((yaml.split(/^---$/m).map((doc) => parse(doc)) as K8sObject[]).filter(Boolean));
const policy = (name: string, spec: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: shop}\nspec:\n${spec}`;

const api = podIn('shop', { app: 'api' }, '10.244.0.2', [{ name: 'http', containerPort: 8080 }]);
const frontend = podIn('shop', { app: 'frontend' }, '10.244.0.3');
const monitoring = podIn('monitoring', { app: 'prometheus' }, '10.244.1.2');
const monitoringOther = podIn('monitoring', { app: 'grafana' }, '10.244.1.3');

describe('the NetworkPolicy model', () => {
  test('a pod no policy selects is not isolated', () => {
    expect(verdict([], { from: frontend, to: api, port: 8080 })).toBe('allowed');
    expect(verdict(policies(policy('only-db', '  podSelector: {matchLabels: {app: db}}\n  policyTypes: [Ingress]')), { from: frontend, to: api, port: 8080 })).toBe('allowed');
  });

  test('a selected pod gets only what some rule allows; ingress and egress both count', () => {
    const set = policies(
      [
        policy('deny', '  podSelector: {}\n  policyTypes: [Ingress, Egress]'),
        policy('api-in', '  podSelector: {matchLabels: {app: api}}\n  ingress:\n    - from: [{podSelector: {matchLabels: {app: frontend}}}]\n      ports: [{port: http}]'),
      ].join('\n---\n'),
    );
    // frontend's egress is still denied by `deny`.
    expect(verdict(set, { from: frontend, to: api, port: 8080 })).toBe('denied');
    const withEgress = [...set, ...policies(policy('frontend-out', '  podSelector: {matchLabels: {app: frontend}}\n  policyTypes: [Egress]\n  egress: [{}]'))];
    expect(verdict(withEgress, { from: frontend, to: api, port: 8080 })).toBe('allowed');
    // The named port is the destination's: 9090 is not "http".
    expect(verdict(withEgress, { from: frontend, to: api, port: 9090 })).toBe('denied');
  });

  test('policyTypes defaults to Ingress, plus Egress when egress rules are given', () => {
    const ingressOnly = policies(policy('p', '  podSelector: {}\n  ingress: []'));
    expect(verdict(ingressOnly, { from: frontend, to: address('203.0.113.1'), port: 443 })).toBe('allowed');
    expect(verdict(ingressOnly, { from: frontend, to: api, port: 8080 })).toBe('denied');
    const withEgress = policies(policy('p', '  podSelector: {}\n  egress: [{ports: [{port: 53, protocol: UDP}]}]'));
    expect(verdict(withEgress, { from: frontend, to: address('203.0.113.1'), port: 443 })).toBe('denied');
    expect(verdict(withEgress, { from: frontend, to: address('203.0.113.1'), port: 53, protocol: 'UDP' })).toBe('allowed');
    expect(verdict(withEgress, { from: frontend, to: address('203.0.113.1'), port: 53, protocol: 'TCP' })).toBe('denied');
  });

  test('namespaceSelector and podSelector in one peer mean both; as two peers, either', () => {
    const both = policies(
      policy('p', '  podSelector: {matchLabels: {app: api}}\n  ingress:\n    - from:\n        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}\n          podSelector: {matchLabels: {app: prometheus}}'),
    );
    expect(verdict(both, { from: monitoring, to: api, port: 8080 })).toBe('allowed');
    expect(verdict(both, { from: monitoringOther, to: api, port: 8080 })).toBe('denied');
    expect(verdict(both, { from: podIn('shop', { app: 'prometheus' }, '10.244.0.9'), to: api, port: 8080 })).toBe('denied');
    const either = policies(
      policy('p', '  podSelector: {matchLabels: {app: api}}\n  ingress:\n    - from:\n        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}\n        - podSelector: {matchLabels: {app: prometheus}}'),
    );
    expect(verdict(either, { from: monitoringOther, to: api, port: 8080 })).toBe('allowed');
    // A podSelector alone means pods of the policy's own namespace.
    expect(verdict(either, { from: podIn('shop', { app: 'prometheus' }, '10.244.0.9'), to: api, port: 8080 })).toBe('allowed');
    expect(verdict(either, { from: podIn('other', { app: 'prometheus' }, '10.244.2.9'), to: api, port: 8080 })).toBe('denied');
  });

  test('matchExpressions: In, NotIn, Exists, DoesNotExist', () => {
    const set = policies(
      policy(
        'p',
        '  podSelector: {}\n  ingress:\n    - from:\n        - podSelector:\n            matchExpressions:\n              - {key: app, operator: In, values: [frontend, admin]}\n              - {key: tier, operator: NotIn, values: [batch]}\n              - {key: debug, operator: DoesNotExist}',
      ),
    );
    expect(verdict(set, { from: frontend, to: api, port: 8080 })).toBe('allowed');
    expect(verdict(set, { from: podIn('shop', { app: 'frontend', tier: 'batch' }, '10.244.0.5'), to: api, port: 8080 })).toBe('denied');
    expect(verdict(set, { from: podIn('shop', { app: 'admin', debug: '1' }, '10.244.0.6'), to: api, port: 8080 })).toBe('denied');
    expect(verdict(set, { from: podIn('shop', { app: 'worker' }, '10.244.0.7'), to: api, port: 8080 })).toBe('denied');
  });

  test('ipBlock with except, port ranges, and pods the plugin may or may not match by address', () => {
    const set = policies(
      policy(
        'p',
        '  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n    - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 169.254.0.0/16]}}]\n      ports: [{port: 8000, endPort: 8100}]',
      ),
    );
    expect(verdict(set, { from: frontend, to: address('203.0.113.1'), port: 8080 })).toBe('allowed');
    expect(verdict(set, { from: frontend, to: address('203.0.113.1'), port: 8101 })).toBe('denied');
    expect(verdict(set, { from: frontend, to: address('169.254.169.254'), port: 8080 })).toBe('denied');
    expect(verdict(set, { from: frontend, to: address('10.1.2.3'), port: 8080 })).toBe('denied');
    // A pod on a public address: Calico matches it by address, Cilium does not.
    expect(verdict(set, { from: frontend, to: podIn('shop', { app: 'x' }, '203.0.113.7'), port: 8080 })).toBe('depends on the network plugin');
  });

  test('CIDRs of both families; an address of the other family never matches', () => {
    expect(cidrContains('0.0.0.0/0', '203.0.113.1')).toBe(true);
    expect(cidrContains('172.16.0.0/12', '172.31.255.255')).toBe(true);
    expect(cidrContains('172.16.0.0/12', '172.32.0.1')).toBe(false);
    expect(cidrContains('::/0', '2001:db8::1')).toBe(true);
    expect(cidrContains('fc00::/7', 'fd00:ec2::254')).toBe(true);
    expect(cidrContains('::/0', '203.0.113.1')).toBe(false);
    expect(() => cidrContains('10.0.0.0', '10.0.0.1')).toThrow(/not a CIDR/);
  });

  test('a misspelt field fails instead of matching everything', () => {
    expect(() => policies(policy('typo', '  podSelector: {}\n  ingress:\n    - from: [{namespaceSelectors: {}}]'))).toThrow(/typo/);
  });
});
