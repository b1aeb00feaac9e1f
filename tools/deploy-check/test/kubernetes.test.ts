import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { appEnvSchemas, effectiveValue, migrateEnvSchema, requiredVariables } from '../src/app-schemas';
import { type Rendered, type Container, type EnvVar, type K8sObject, type PodSpec } from '../src/manifests';
import { deployRenders, eachRender } from '../src/renders';
import { deployedAppNames, listOverlays, repoPath } from '../src/repo';

const SECRET_NAME = 'jobping-secrets';
const secretTemplate = parse(readFileSync(repoPath('k8s', 'base', 'secret.template.yaml'), 'utf8')) as K8sObject;
const templateKeys = new Set(Object.keys(secretTemplate.stringData ?? {}));

const overlays = listOverlays();
const rendered = new Map(deployRenders().map((r) => [r.name, r.rendered]));
const render = (name: string) => rendered.get(name) as Rendered;
const appContainer = (pod: PodSpec): Container => {
  expect(pod.containers.map((c) => c.name)).toEqual(['app']);
  return pod.containers[0] as Container;
};

/**
 * Fails naming the variable when the manifests do not give it a usable value. A secret comes
 * from jobping-secrets (with a key the Secret template lists), or from a Secret the render itself
 * makes with that key (the chart's migration hook Secret).
 */
function expectProvided(env: Map<string, EnvVar>, name: string, where: string, objects: Rendered) {
  const entry = env.get(name);
  if (!entry) throw new Error(`${where}: ${name} is required by the app's config schema and not set`);
  const ref = entry.valueFrom?.secretKeyRef;
  if (ref && ref.name !== SECRET_NAME && objects.find('Secret', ref.name)) {
    expect({ where, name, key: ref.key in (objects.get('Secret', ref.name).stringData ?? {}), optional: ref.optional ?? false }).toEqual({ where, name, key: true, optional: false });
  } else if (ref) {
    expect({ where, name, secret: ref.name, optional: ref.optional ?? false }).toEqual({ where, name, secret: SECRET_NAME, optional: false });
    if (!templateKeys.has(ref.key)) throw new Error(`${where}: ${name} comes from ${SECRET_NAME}/${ref.key}, which secret.template.yaml does not list`);
  } else if (!entry.valueFrom && !entry.value) {
    throw new Error(`${where}: ${name} is required and set to an empty value`);
  }
}

test('there are overlays to deploy', () => {
  expect(overlays).toEqual(expect.arrayContaining(['dev', 'prod']));
});

test('the Secret template is a Secret named as the manifests reference it', () => {
  expect(secretTemplate).toMatchObject({ apiVersion: 'v1', kind: 'Secret', metadata: { name: SECRET_NAME } });
});

describe.each(eachRender())('%s', (overlay, deploy) => {
  test('puts every object in one namespace: its Namespace (kustomize) or the release namespace (helm)', () => {
    const objects = render(overlay).objects;
    const namespaces = objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name);
    expect(namespaces).toHaveLength(deploy.tool === 'kustomize' ? 1 : 0);
    const namespace = namespaces[0] ?? render(overlay).namespace;
    for (const object of objects.filter((o) => o.kind !== 'Namespace')) {
      expect(`${object.kind}/${object.metadata.name} in ${object.metadata.namespace}`).toBe(`${object.kind}/${object.metadata.name} in ${namespace}`);
    }
  });

  test('ships no Secret unless asked to make one (development: secrets.create), and never one with a placeholder', () => {
    const secrets = render(overlay).ofKind('Secret');
    if (!deploy.createsSecret) {
      expect(secrets.map((s) => s.metadata.name)).toEqual([]);
      return;
    }
    expect(secrets.map((s) => s.metadata.name)).toContain(SECRET_NAME);
    const made = render(overlay).get('Secret', SECRET_NAME).stringData ?? {};
    expect(Object.keys(made).sort()).toEqual([...templateKeys].sort());
    for (const value of Object.values(made)) expect(value).not.toMatch(/PASSWORD@HOST|REPLACE-WITH/);
  });

  describe.each(deployedAppNames())('%s', (app) => {
    const pod = () => render(overlay).podSpec('Deployment', app);

    test('has a Deployment whose pods carry its name label', () => {
      const deployment = render(overlay).get('Deployment', app);
      const spec = deployment.spec as { selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string> } } };
      expect(spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': app });
      expect(spec.template.metadata.labels).toMatchObject(spec.selector.matchLabels);
      expect(appContainer(pod()).image).toMatch(new RegExp(`(^|/)${app}(:[\\w.-]+)?$`));
    });

    test('probes /readyz (readiness) and /healthz (liveness) on a port it declares', () => {
      const container = appContainer(pod());
      expect(container.readinessProbe?.httpGet?.path).toBe('/readyz');
      expect(container.livenessProbe?.httpGet?.path).toBe('/healthz');
      const declared = (container.ports ?? []).flatMap((p) => [p.name, p.containerPort]);
      expect(declared).toContain(container.readinessProbe?.httpGet?.port);
      expect(declared).toContain(container.livenessProbe?.httpGet?.port);
    });

    test('sets cpu and memory requests and limits', () => {
      const resources = appContainer(pod()).resources;
      for (const kind of ['requests', 'limits'] as const) {
        expect(Object.keys(resources?.[kind] ?? {}).sort()).toEqual(expect.arrayContaining(['cpu', 'memory']));
      }
    });

    test('runs restricted: non-root, read-only root filesystem, no escalation, no capabilities, RuntimeDefault (or a Localhost) seccomp profile', () => {
      const spec = pod();
      const container = appContainer(spec);
      // The restricted Pod Security Standard allows both; a Localhost profile is how the scraper's Chromium gets its sandbox (docs/deploying.md).
      expect(spec.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: expect.stringMatching(/^(RuntimeDefault|Localhost)$/) } });
      expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
      const tmp = container.volumeMounts?.find((m) => m.mountPath === '/tmp');
      expect(spec.volumes?.find((v) => v.name === tmp?.name)?.emptyDir).toBeDefined();
    });

    test('mounts no service account token (no app talks to the Kubernetes API)', () => {
      expect(pod().automountServiceAccountToken).toBe(false);
    });

    const schema = appEnvSchemas[app];
    if (schema === undefined) {
      test('has its config schema known to deploy-check', () => {
        throw new Error(`add apps/${app}'s config schema to tools/deploy-check/src/app-schemas.ts`);
      });
      return;
    }
    if (schema === null) return;

    test('gets every variable its config schema requires', () => {
      const env = render(overlay).containerEnv(appContainer(pod()));
      const required = requiredVariables(schema);
      expect(required.length).toBeGreaterThan(0);
      for (const name of required) expectProvided(env, name, `${overlay} ${app}`, render(overlay));
    });

    test('listens on the port its probes and Service use', () => {
      const container = appContainer(pod());
      const env = render(overlay).containerEnv(container);
      const portVariable = Object.keys(schema.shape).find((name) => name === 'OPS_PORT' || name.endsWith('_API_PORT'));
      expect(portVariable).toBeDefined();
      const listens = effectiveValue(schema, portVariable as string, env.get(portVariable as string)?.value);
      const probePort = container.readinessProbe?.httpGet?.port;
      const port = container.ports?.find((p) => p.name === probePort || p.containerPort === probePort);
      expect(port?.containerPort).toBe(listens);
    });

    if ('SCRAPE_FIXTURE_SOURCES' in schema.shape) {
      test('does not allow fixture sources (local files and any URL)', () => {
        const env = render(overlay).containerEnv(appContainer(pod()));
        expect(effectiveValue(schema, 'SCRAPE_FIXTURE_SOURCES', env.get('SCRAPE_FIXTURE_SOURCES')?.value)).toBe(false);
      });
    }

    if ('SHUTDOWN_TIMEOUT_MS' in schema.shape) {
      test('is given longer to stop than its drain takes (terminationGracePeriodSeconds)', () => {
        const spec = pod();
        const env = render(overlay).containerEnv(appContainer(spec));
        const value = (name: string) => (name in schema.shape ? Number(effectiveValue(schema, name, env.get(name)?.value)) : 0);
        // runStreamWorker: the drain (SHUTDOWN_TIMEOUT_MS) after the last blocking read (STREAM_BLOCK_MS), then closing.
        const drainMs = value('SHUTDOWN_TIMEOUT_MS') + value('STREAM_BLOCK_MS') + 5_000;
        expect((spec.terminationGracePeriodSeconds ?? 30) * 1000).toBeGreaterThan(drainMs);
      });
    }
  });

  test('has a migration Job running the db CLI with what it requires, restricted like the apps', () => {
    const job = render(overlay).ofKind('Job');
    expect(job).toHaveLength(1);
    const spec = render(overlay).podSpec('Job', job[0]?.metadata.name as string);
    const container = spec.containers[0] as Container;
    expect(container.command?.join(' ')).toMatch(/dist\/cli\.js migrate$/);
    expect(container.image).toMatch(/(^|\/)migrate(:[\w.-]+)?$/);
    const env = render(overlay).containerEnv(container);
    for (const name of requiredVariables(migrateEnvSchema)) expectProvided(env, name, `${overlay} migrate Job`, render(overlay));
    expect(spec.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    expect(spec.automountServiceAccountToken).toBe(false);
  });
});
