import { describe, expect, test } from '@jest/globals';
import { servesStaticFiles } from '../src/app-schemas';
import { address, opsPort, overlayNamespace, podIn, workloadPod } from '../src/cluster-model';
import { eachRender } from '../src/renders';
import { parseNetworkPolicies, verdict, type Endpoint, type NetworkPolicy, type Protocol } from '../src/network-policy';
import { deployedAppNames, isHttpApi, listApps } from '../src/repo';

/*
 * Who may talk to whom once the overlay is applied (k8s/base/network-policies.yaml; docs/deploying.md,
 * "Network policies"). Everything is denied unless a policy allows it; the expectations below are the
 * allow-list, spelled out per app.
 */

const apps = deployedAppNames();
const backendApps = apps.filter((app) => !servesStaticFiles(app));
const httpApis = listApps().filter(isHttpApi).map((app) => app.name);

/** The apps that call services on the internet (HTTPS only), and why. */
const callsOut: Record<string, string> = {
  scraper: 'job boards and LinkedIn',
  matcher: 'the LLM API (LLM_PROVIDER=openai)',
  'company-researcher': 'the LLM API (LLM_PROVIDER=openai)',
  notifier: 'Discord webhooks',
  'auth-api': 'Discord webhooks (the test message of PUT /api/users/me/discord)',
  'jobs-api': 'a careers page an admin pastes, and its board (POST /api/admin/sources/detect)',
};

// Stand-ins for the cluster around the overlay. 203.0.113.0/24 (TEST-NET-3) is any public address.
const internet = address('203.0.113.10', 'a public address');
const metadataService = address('169.254.169.254', 'the cloud metadata service');
const privateHost = address('10.20.30.40', 'a host on the private network');
const managedPostgres = address('10.20.0.5', 'a managed PostgreSQL');
const managedRedis = address('10.20.0.6', 'a managed Redis');
const publicPostgres = address('203.0.113.20', 'a PostgreSQL with a public address');
const clusterPostgres = podIn('data', { 'app.kubernetes.io/name': 'postgresql' }, '10.244.9.5', [{ name: 'tcp-postgresql', containerPort: 5432 }]);
const clusterRedis = podIn('data', { 'app.kubernetes.io/name': 'redis' }, '10.244.9.6', [{ name: 'tcp-redis', containerPort: 6379 }]);
const kubeDns = podIn('kube-system', { 'k8s-app': 'kube-dns' }, '10.244.0.10', [
  { name: 'dns', containerPort: 53, protocol: 'UDP' },
  { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
  { name: 'metrics', containerPort: 9153 },
]);
const otherTeam = podIn('default', { app: 'billing' }, '10.244.1.4');
const kedaOperator = podIn('keda', { app: 'keda-operator' }, '10.244.1.5');

describe.each(eachRender())('%s NetworkPolicies', (_name, { rendered }) => {
  const policies: NetworkPolicy[] = parseNetworkPolicies(rendered.objects);
  const namespace = overlayNamespace(rendered);
  // The ingress controller's and Prometheus' namespaces, as the overlay names them (the base:
  // ingress-nginx and monitoring; docs/deploying.md shows how an overlay changes them).
  const peerNamespace = (policyName: string) => {
    const selector = policies.find((p) => p.metadata.name === policyName)?.spec.ingress?.[0]?.from?.[0]?.namespaceSelector;
    const name = selector?.matchLabels?.['kubernetes.io/metadata.name'];
    if (!name) throw new Error(`NetworkPolicy ${policyName} should admit one namespace, by kubernetes.io/metadata.name`);
    return name;
  };
  const ingressNamespace = peerNamespace('allow-from-ingress-controller');
  const ingressController = podIn(ingressNamespace, { 'app.kubernetes.io/name': 'ingress-nginx' }, '10.244.1.2');
  const prometheus = podIn(peerNamespace('allow-prometheus'), { 'app.kubernetes.io/name': 'prometheus' }, '10.244.1.3');
  let nextIp = 20;
  const pods = new Map(apps.map((app) => [app, workloadPod(rendered, 'Deployment', app, `10.244.5.${nextIp++}`)]));
  const pod = (app: string) => pods.get(app) as Endpoint;
  const migrate = workloadPod(rendered, 'Job', rendered.ofKind('Job')[0]?.metadata.name ?? 'jobping-migrate', '10.244.5.99');
  // A pod no policy names (kubectl run debug …): it gets the defaults only.
  const stranger = podIn(namespace, { run: 'debug' }, '10.244.5.100');

  const check = (from: Endpoint, to: Endpoint, port: number, protocol: Protocol = 'TCP') => ({
    connection: `${from.name} -> ${to.name}:${port}/${protocol}`,
    verdict: verdict(policies, { from, to, port, protocol }),
  });
  const allowed = (from: Endpoint, to: Endpoint, port: number, protocol?: Protocol) => {
    const result = check(from, to, port, protocol);
    expect(result).toEqual({ ...result, verdict: 'allowed' });
  };
  const denied = (from: Endpoint, to: Endpoint, port: number, protocol?: Protocol) => {
    const result = check(from, to, port, protocol);
    expect(result).toEqual({ ...result, verdict: 'denied' });
  };

  test('are valid NetworkPolicies of the overlay namespace', () => {
    expect(policies.length).toBeGreaterThan(0);
    for (const policy of policies) expect(`${policy.metadata.name} in ${policy.metadata.namespace}`).toBe(`${policy.metadata.name} in ${namespace.name}`);
  });

  test('deny by default: a pod no policy names may resolve names and nothing else', () => {
    allowed(stranger, kubeDns, 53, 'UDP');
    denied(stranger, internet, 443);
    denied(stranger, managedPostgres, 5432);
    denied(stranger, pod('jobs-api'), 3002);
    denied(ingressController, stranger, 8080);
    denied(pod('matcher'), stranger, 8080);
  });

  describe.each([...apps, 'migrate'])('%s', (app) => {
    const self = () => (app === 'migrate' ? migrate : pod(app));

    test('resolves names through kube-dns (UDP and TCP 53), and reaches nothing else in kube-system', () => {
      allowed(self(), kubeDns, 53, 'UDP');
      allowed(self(), kubeDns, 53, 'TCP');
      denied(self(), kubeDns, 9153);
    });

    test('never reaches the cloud metadata service or private hosts on 80/443', () => {
      for (const port of [80, 443]) {
        denied(self(), metadataService, port);
        denied(self(), privateHost, port);
      }
    });

    test('reaches the internet on 443 only if it calls out, and never on 80', () => {
      if (callsOut[app]) allowed(self(), internet, 443);
      else denied(self(), internet, 443);
      denied(self(), internet, 80);
    });
  });

  test.each(backendApps)('%s may reach PostgreSQL and Redis, managed or in the cluster', (app) => {
    for (const postgres of [managedPostgres, publicPostgres, clusterPostgres]) allowed(pod(app), postgres, 5432);
    for (const redis of [managedRedis, clusterRedis]) allowed(pod(app), redis, 6379);
  });

  test('the apps that send mail reach an SMTP server on 587 and 465, public or private, never the metadata service; no other app does', () => {
    const mailers = ['notifier', 'jobs-api', 'auth-api'];
    for (const app of apps) {
      for (const port of [587, 465]) {
        if (mailers.includes(app)) {
          allowed(pod(app), internet, port);
          allowed(pod(app), privateHost, port);
          denied(pod(app), metadataService, port);
        } else {
          denied(pod(app), internet, port);
        }
      }
      // Plain SMTP relaying (25) is never open.
      denied(pod(app), internet, 25);
    }
  });

  test('the migration Job may reach PostgreSQL and not Redis', () => {
    allowed(migrate, managedPostgres, 5432);
    allowed(migrate, clusterPostgres, 5432);
    denied(migrate, managedRedis, 6379);
    denied(migrate, pod('jobs-api'), 3002);
  });

  test('web reaches the APIs it proxies, and no data store', () => {
    for (const api of httpApis) allowed(pod('web'), pod(api), opsPort(rendered, api));
    denied(pod('web'), managedPostgres, 5432);
    denied(pod('web'), clusterPostgres, 5432);
    denied(pod('web'), managedRedis, 6379);
    denied(pod('web'), pod('matcher'), opsPort(rendered, 'matcher'));
  });

  test('only the ingress controller namespace reaches web', () => {
    const port = opsPort(rendered, 'web');
    allowed(ingressController, pod('web'), port);
    allowed(podIn(ingressNamespace, { 'app.kubernetes.io/component': 'controller' }, '10.244.1.7'), pod('web'), port);
    for (const other of [otherTeam, prometheus, kedaOperator, pod('matcher'), pod('jobs-api'), stranger]) denied(other, pod('web'), port);
  });

  test.each(httpApis)('only the ingress controller and web reach %s', (api) => {
    const port = opsPort(rendered, api);
    allowed(ingressController, pod(api), port);
    allowed(pod('web'), pod(api), port);
    denied(ingressController, pod(api), 9229);
    for (const other of [otherTeam, stranger, ...apps.filter((a) => a !== 'web' && a !== api).map(pod)]) denied(other, pod(api), port);
  });

  test.each(backendApps)("Prometheus' namespace scrapes the metrics port of %s, and nobody else from outside does", (app) => {
    const port = opsPort(rendered, app);
    allowed(prometheus, pod(app), port);
    denied(otherTeam, pod(app), port);
    if (!httpApis.includes(app)) denied(ingressController, pod(app), port);
  });

  test('the stream workers talk to each other through Redis only', () => {
    denied(pod('matcher'), pod('notifier'), opsPort(rendered, 'notifier'));
    denied(pod('scraper'), pod('jobs-api'), opsPort(rendered, 'jobs-api'));
  });

  test('KEDA needs nothing from the namespace: its operator reaches Redis from its own', () => {
    allowed(kedaOperator, managedRedis, 6379);
    allowed(kedaOperator, clusterRedis, 6379);
    // A Redis inside the app namespace (the dev overlay's redis.jobping-dev.svc) stays open to KEDA and the apps.
    const kedaAddresses = rendered.ofKind('ScaledObject').map((o) => (o.spec as { triggers: { metadata: { address?: string } }[] }).triggers[0]?.metadata.address ?? '');
    if (kedaAddresses.some((a) => a.split('.')[1] === namespace.name)) {
      const localRedis = podIn(namespace, { 'app.kubernetes.io/name': 'redis' }, '10.244.5.200', [{ name: 'redis', containerPort: 6379 }]);
      allowed(kedaOperator, localRedis, 6379);
      for (const app of backendApps) allowed(pod(app), localRedis, 6379);
    }
  });
});
