import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { requiredVariables, usersCliEnvSchema } from '../src/app-schemas';
import { loadCompose } from '../src/compose';
import { address, overlayNamespace, podIn } from '../src/cluster-model';
import { Rendered, renderKustomization, type Container, type K8sObject, type PodSpec } from '../src/manifests';
import { parseNetworkPolicies, verdict, type Endpoint, type Protocol } from '../src/network-policy';
import { eachRender } from '../src/renders';
import { listOverlays, readRepoFile, repoPath } from '../src/repo';

/**
 * The one-off Job that makes an admin (docs/deploying.md, "The first admin"). It is applied by hand, so
 * it must stay out of every kustomization, yet run the image the prod overlay deploys.
 */
const JOB_FILE = 'k8s/ops/users-promote-job.yaml';
const SECRET_NAME = 'jobping-secrets';

const documents = parseAllDocuments(readRepoFile(JOB_FILE)).map((doc) => doc.toJS() as K8sObject);
const job = documents[0] as K8sObject;
const pod = (job.spec as { template: { spec: PodSpec } }).template.spec;
const container = pod.containers[0] as Container;
const secretKeys = new Set(Object.keys((parseAllDocuments(readRepoFile('k8s/base/secret.template.yaml'))[0]?.toJS() as K8sObject).stringData ?? {}));

/** Every kustomization.yaml under k8s/, with the files and folders it lists. */
function kustomizations(dir = repoPath('k8s')): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return kustomizations(full);
    return entry.name === 'kustomization.yaml' ? [{ file: full, text: readFileSync(full, 'utf8') }] : [];
  });
}

describe(JOB_FILE, () => {
  test('is one Job with no namespace of its own (kubectl -n decides) that cleans up after itself', () => {
    expect(documents).toHaveLength(1);
    expect(job).toMatchObject({ apiVersion: 'batch/v1', kind: 'Job' });
    expect(job.metadata.namespace).toBeUndefined();
    expect(job.spec).toMatchObject({ backoffLimit: 0, ttlSecondsAfterFinished: expect.any(Number) });
    expect((job.spec as { template: { spec: { restartPolicy: string } } }).template.spec.restartPolicy).toBe('Never');
  });

  test('runs the users CLI of the auth-api image the prod overlay deploys', () => {
    const prod = new Rendered(renderKustomization('k8s/overlays/prod'));
    const deployed = prod.podSpec('Deployment', 'auth-api').containers[0]?.image;
    expect(container.image).toBe(deployed);
    const [node, script, area, command, email, ...rest] = container.command ?? [];
    expect([node, script, area, command, rest]).toEqual(['node', 'dist/cli.js', 'users', 'promote', []]);
    expect(email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
  });

  test('gets every variable the CLI requires, from the Secret the apps use', () => {
    const env = new Map((container.env ?? []).map((entry) => [entry.name, entry]));
    const required = requiredVariables(usersCliEnvSchema);
    expect(required).toContain('DATABASE_URL');
    for (const name of required) {
      const ref = env.get(name)?.valueFrom?.secretKeyRef;
      expect({ name, secret: ref?.name }).toEqual({ name, secret: SECRET_NAME });
      expect(secretKeys).toContain(ref?.key);
    }
    // The generated ConfigMap's name carries a hash only kustomize knows: the Job cannot refer to it.
    expect(container.envFrom ?? []).toEqual([]);
  });

  test('passes the restricted Pod Security Standard the namespace enforces', () => {
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    expect(Object.keys(container.resources?.limits ?? {}).sort()).toEqual(['cpu', 'memory']);
  });

  test('is part of no kustomization, so `kubectl apply -k` never runs it', () => {
    for (const { file, text } of kustomizations()) expect({ file, mentionsOps: /\bops\b|users-promote/.test(text) }).toEqual({ file, mentionsOps: false });
    for (const overlay of listOverlays()) {
      const jobs = new Rendered(renderKustomization(`k8s/overlays/${overlay}`)).ofKind('Job').map((j) => j.metadata.name);
      expect(jobs).not.toContain(job.metadata.name);
    }
  });
});

describe.each(eachRender())('%s: the NetworkPolicies let the Job reach', (_name, { rendered }) => {
  const policies = parseNetworkPolicies(rendered.objects);
  const labels = (job.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels;
  const self: Endpoint = podIn(overlayNamespace(rendered), labels, '10.244.5.98');
  const reaches = (to: Endpoint, port: number, protocol: Protocol = 'TCP') => verdict(policies, { from: self, to, port, protocol });

  test('DNS and PostgreSQL, as the migration Job does', () => {
    const dns = podIn('kube-system', { 'k8s-app': 'kube-dns' }, '10.244.0.10', [{ name: 'dns', containerPort: 53, protocol: 'UDP' }]);
    expect(reaches(dns, 53, 'UDP')).toBe('allowed');
    expect(reaches(address('10.20.0.5', 'a managed PostgreSQL'), 5432)).toBe('allowed');
    expect(reaches(podIn('data', { 'app.kubernetes.io/name': 'postgresql' }, '10.244.9.5', [{ containerPort: 5432 }]), 5432)).toBe('allowed');
  });

  test('nothing else: not Redis, not the internet, not the APIs', () => {
    expect(reaches(address('10.20.0.6', 'a managed Redis'), 6379)).toBe('denied');
    expect(reaches(address('203.0.113.10', 'a public address'), 443)).toBe('denied');
    const authApi = podIn(overlayNamespace(rendered), { 'app.kubernetes.io/name': 'auth-api' }, '10.244.5.20', [{ name: 'http', containerPort: 3001 }]);
    expect(reaches(authApi, 3001)).toBe('denied');
  });

  test('and its label selects no Service, so no traffic is sent to it', () => {
    for (const service of rendered.ofKind('Service')) {
      const selector = (service.spec as { selector?: Record<string, string> }).selector ?? {};
      const selects = Object.entries(selector).every(([key, value]) => labels[key] === value);
      expect({ service: service.metadata.name, selects }).toEqual({ service: service.metadata.name, selects: false });
    }
  });
});

test('compose: `docker compose run --rm auth-api node dist/cli.js users …` has what the CLI requires', () => {
  const environment = loadCompose().services['auth-api']?.environment ?? {};
  for (const name of requiredVariables(usersCliEnvSchema)) expect(Object.keys(environment)).toContain(name);
});
