import { describe, expect, test } from '@jest/globals';
import { appEnvSchemas, effectiveValue } from '../src/app-schemas';
import { address, podIn, workloadPod } from '../src/cluster-model';
import { loadCompose, type ComposeService } from '../src/compose';
import type { Container, PodSpec } from '../src/manifests';
import { eachRender } from '../src/renders';
import { parseNetworkPolicies, verdict, type Connection } from '../src/network-policy';

/*
 * The scraper drives Chromium over pages from the internet (LinkedIn). Chromium's sandbox needs
 * unprivileged user namespaces: the container runtimes' default seccomp profile (Docker's, and
 * Kubernetes' RuntimeDefault) blocks unshare(CLONE_NEWUSER) for a container without
 * CAP_SYS_ADMIN, so under it Chromium stops with "No usable sandbox!" (docs/deploying.md records
 * the run). Where that profile applies, SCRAPE_CHROMIUM_SANDBOX must say false, and the pod must
 * contain a Chromium whose renderers run with the scraper's own rights.
 */

const scraperSchema = appEnvSchemas.scraper;
if (!scraperSchema) throw new Error('deploy-check does not know the scraper config schema');

interface HardenedPodSpec extends PodSpec {
  automountServiceAccountToken?: boolean;
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  securityContext?: PodSpec['securityContext'] & { runAsUser?: number };
  volumes?: { name: string; emptyDir?: { medium?: string; sizeLimit?: string } }[];
}
type HardenedContainer = Container & {
  securityContext?: Container['securityContext'] & { seccompProfile?: { type: string }; capabilities?: { drop?: string[]; add?: string[] } };
};

describe.each(eachRender())('%s scraper', (_name, { rendered }) => {
  const pod = rendered.podSpec('Deployment', 'scraper') as HardenedPodSpec;
  const container = pod.containers[0] as HardenedContainer;
  const env = rendered.containerEnv(container);
  const sandbox = effectiveValue(scraperSchema, 'SCRAPE_CHROMIUM_SANDBOX', env.get('SCRAPE_CHROMIUM_SANDBOX')?.value);
  const seccomp = container.securityContext?.seccompProfile?.type ?? pod.securityContext?.seccompProfile?.type;

  test("sets SCRAPE_CHROMIUM_SANDBOX to what the pod's seccomp profile allows", () => {
    // Only a Localhost profile that allows user namespaces (docs/deploying.md) lets the sandbox start.
    expect({ seccomp, sandbox, setExplicitly: env.has('SCRAPE_CHROMIUM_SANDBOX') }).toEqual(
      seccomp === 'Localhost' ? { seccomp, sandbox, setExplicitly: true } : { seccomp, sandbox: false, setExplicitly: true },
    );
  });

  if (sandbox !== false) return;

  test('contains the unsandboxed Chromium: non-root, no capabilities, no escalation, read-only root, no API token', () => {
    expect(pod.automountServiceAccountToken).toBe(false);
    expect({ hostNetwork: pod.hostNetwork ?? false, hostPID: pod.hostPID ?? false, hostIPC: pod.hostIPC ?? false }).toEqual({ hostNetwork: false, hostPID: false, hostIPC: false });
    expect(pod.securityContext?.runAsNonRoot).toBe(true);
    expect(pod.securityContext?.runAsUser ?? 1000).toBeGreaterThan(0);
    expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    expect(container.securityContext?.capabilities?.add ?? []).toEqual([]);
    expect(seccomp).toBe('RuntimeDefault');
  });

  test('bounds what a runaway browser can take: memory limit, sized /tmp and /dev/shm', () => {
    expect(container.resources?.limits?.memory).toBeDefined();
    for (const mountPath of ['/tmp', '/dev/shm']) {
      const mount = container.volumeMounts?.find((m) => m.mountPath === mountPath);
      const volume = pod.volumes?.find((v) => v.name === mount?.name);
      expect({ mountPath, sizeLimit: volume?.emptyDir?.sizeLimit ?? null }).toEqual({ mountPath, sizeLimit: expect.any(String) });
    }
  });

  test('lets a compromised browser reach public HTTPS, PostgreSQL and Redis, and nothing else', () => {
    const policies = parseNetworkPolicies(rendered.objects);
    const scraper = workloadPod(rendered, 'Deployment', 'scraper', '10.244.5.30');
    const namespace = scraper.pod?.namespace ?? '';
    const reach = (to: Connection['to'], port: number) => ({ to: `${to.name}:${port}`, verdict: verdict(policies, { from: scraper, to, port }) });
    const expectations = [
      [address('203.0.113.10', 'a public address'), 443, 'allowed'],
      // What the scraper itself needs, and so what a renderer exploit inherits (docs/deploying.md).
      [address('10.20.0.5', 'PostgreSQL'), 5432, 'allowed'],
      [address('10.20.0.6', 'Redis'), 6379, 'allowed'],
      [address('203.0.113.10', 'a public address'), 80, 'denied'],
      [address('203.0.113.10', 'a public address'), 22, 'denied'],
      [address('169.254.169.254', 'the cloud metadata service'), 80, 'denied'],
      [address('10.96.0.1', 'the Kubernetes API Service'), 443, 'denied'],
      [address('192.168.1.10', 'a private host'), 443, 'denied'],
      [workloadPod(rendered, 'Deployment', 'jobs-api', '10.244.5.31'), 3002, 'denied'],
      [workloadPod(rendered, 'Deployment', 'matcher', '10.244.5.32'), 3013, 'denied'],
      [podIn('kube-system', { component: 'kube-apiserver' }, '10.244.0.2'), 6443, 'denied'],
      [podIn('monitoring', { 'app.kubernetes.io/name': 'prometheus' }, '10.244.1.3'), 9090, 'denied'],
      [podIn(namespace, { run: 'debug' }, '10.244.5.33'), 8080, 'denied'],
    ] as const;
    const results = expectations.map(([to, port]) => reach(to, port));
    expect(results).toEqual(expectations.map(([to, port, expected]) => ({ to: `${to.name}:${port}`, verdict: expected })));
  });
});

test("compose's scraper, under Docker's default seccomp profile, turns Chromium's sandbox off out loud", () => {
  const scraper = loadCompose().services.scraper as ({ security_opt?: string[] } & ComposeService) | undefined;
  const ownProfile = (scraper?.security_opt ?? []).some((option) => /^seccomp[=:]/.test(option));
  if (!ownProfile) expect(String(scraper?.environment?.SCRAPE_CHROMIUM_SANDBOX)).toBe('false');
});
