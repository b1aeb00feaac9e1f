import { describe, expect, test } from '@jest/globals';
import { appEnvSchemas, effectiveValue, migrateEnvSchema, requiredVariables, servesStaticFiles } from '../src/app-schemas';
import { interpolate, loadCompose, type ComposeService } from '../src/compose';
import { WORKER_NODE_OPTIONS } from '@jobping/stream-worker';
import { deployedAppNames, isStreamWorker, listApps } from '../src/repo';

const compose = loadCompose();
const service = (name: string): ComposeService => {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
};

/** Fails naming the variable when the service's `environment` leaves it unset or empty. */
function expectProvided(name: string, variable: string) {
  const environment = service(name).environment ?? {};
  if (!(variable in environment)) throw new Error(`compose ${name}: ${variable} is required by the app's config schema and not in its environment`);
  const value = interpolate(environment[variable] ?? null);
  // null: `${VAR:?…}` / `${VAR}`, supplied by the operator when the stack starts.
  if (value === '') throw new Error(`compose ${name}: ${variable} is required and would be empty`);
}

test('infrastructure and the one-shot migration are services', () => {
  expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['postgres', 'redis', 'migrate']));
  expect(service('postgres').healthcheck).toBeDefined();
  expect(service('redis').healthcheck).toBeDefined();
});

test('every app under apps/ (and web) has its service', () => {
  const missing = deployedAppNames().filter((app) => !(app in compose.services));
  expect(missing).toEqual([]);
});

test('the migrate service runs the db CLI once, after PostgreSQL is healthy, with what it requires', () => {
  const migrate = service('migrate');
  expect(migrate.build).toMatchObject({ dockerfile: 'docker/node.Dockerfile', args: { APP: 'db' } });
  expect(migrate.command?.join(' ')).toMatch(/dist\/cli\.js migrate$/);
  expect(migrate.restart).toBe('no');
  expect(migrate.depends_on?.postgres?.condition).toBe('service_healthy');
  for (const variable of requiredVariables(migrateEnvSchema)) expectProvided('migrate', variable);
});

test('JWT_SECRET is never given a default: compose refuses to start without one', () => {
  for (const app of ['auth-api', 'jobs-api']) {
    expect(String(service(app).environment?.JWT_SECRET)).toMatch(/^\$\{JWT_SECRET:\?.+\}$/);
  }
});

const nodeApps = listApps().filter((app) => !servesStaticFiles(app.name));

describe.each(nodeApps.map((app) => app.name))('%s', (app) => {
  test('is built from the shared Node Dockerfile as itself, health-checked, started after the migration', () => {
    const definition = service(app);
    expect(definition.build).toMatchObject({ context: '.', dockerfile: 'docker/node.Dockerfile', args: { APP: app } });
    expect(definition.healthcheck?.test).toBeDefined();
    expect(definition.depends_on).toMatchObject({
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
      migrate: { condition: 'service_completed_successfully' },
    });
  });

  const schema = appEnvSchemas[app];
  test('gets every variable its config schema requires, pointing inside the compose network', () => {
    if (!schema) throw new Error(`add apps/${app}'s config schema to tools/deploy-check/src/app-schemas.ts`);
    for (const variable of requiredVariables(schema)) expectProvided(app, variable);
    const environment = service(app).environment ?? {};
    for (const url of ['DATABASE_URL', 'REDIS_URL'].filter((v) => v in environment)) {
      expect(interpolate(environment[url] ?? null)).not.toMatch(/127\.0\.0\.1|localhost/);
    }
  });

  test('listens on the port its healthcheck probes (its package.json url)', () => {
    if (!schema) throw new Error(`no config schema for ${app}`);
    const declared = nodeApps.find((a) => a.name === app)?.manifest.jobping?.url;
    expect(declared).toBeDefined();
    const portVariable = Object.keys(schema.shape).find((name) => name === 'OPS_PORT' || name.endsWith('_API_PORT')) as string;
    const configured = service(app).environment?.[portVariable];
    const listens = effectiveValue(schema, portVariable, configured === undefined ? undefined : String(interpolate(configured)));
    expect(listens).toBe(Number(new URL(declared as string).port));
  });

  if (schema && 'SCRAPE_FIXTURE_SOURCES' in schema.shape) {
    test('does not allow fixture sources (local files and any URL)', () => {
      const configured = service(app).environment?.SCRAPE_FIXTURE_SOURCES;
      const value = configured === undefined ? undefined : (interpolate(configured) ?? undefined);
      expect(effectiveValue(schema, 'SCRAPE_FIXTURE_SOURCES', value)).toBe(false);
    });
  }
});

test('web is the nginx image, started once both APIs are healthy', () => {
  const web = service('web');
  expect(web.build).toMatchObject({ context: '.', dockerfile: 'docker/web.Dockerfile' });
  expect(web.healthcheck?.test).toBeDefined();
  expect(web.depends_on).toMatchObject({ 'auth-api': { condition: 'service_healthy' }, 'jobs-api': { condition: 'service_healthy' } });
});

describe('interpolate', () => {
  test.each([
    ['${A:-x}', 'x'],
    ['${A:-}', ''],
    ['${A:?set A}', null],
    ['${A}', null],
    ['postgresql://u:${P:-pw}@postgres:5432/db', 'postgresql://u:pw@postgres:5432/db'],
    [3001, '3001'],
  ])('%s → %s', (value, expected) => {
    expect(interpolate(value)).toBe(expected);
  });
});

test("stream workers run with the workers' heap limits (WORKER_NODE_OPTIONS)", () => {
  const workers = listApps().filter(isStreamWorker).map((app) => app.name);
  expect(workers.length).toBeGreaterThan(0);
  for (const app of workers) expect({ app, NODE_OPTIONS: service(app).environment?.NODE_OPTIONS }).toEqual({ app, NODE_OPTIONS: WORKER_NODE_OPTIONS });
});
