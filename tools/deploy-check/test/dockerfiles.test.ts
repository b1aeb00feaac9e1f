import { describe, expect, test } from '@jest/globals';
import { servesStaticFiles } from '../src/app-schemas';
import { parseDockerfile, type Stage } from '../src/dockerfile';
import { listApps, readRepoFile } from '../src/repo';

const NODE_LTS = /^node:(22|24)([.-]|$)/;
const runs = (stages: Stage[]) => stages.flatMap((s) => s.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args));
const last = (stages: Stage[]) => stages.at(-1) as Stage;
const lastArgs = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword).at(-1)?.args;

/** A USER that is neither root nor uid 0 (numeric, so Kubernetes can verify runAsNonRoot). */
const expectNonRootUser = (stage: Stage) => {
  const user = lastArgs(stage, 'USER') ?? 'root';
  expect(user).toMatch(/^[1-9]\d*(:\d+)?$/);
};

describe('docker/node.Dockerfile (every Node app, and the migration image)', () => {
  const stages = parseDockerfile(readRepoFile('docker', 'node.Dockerfile'));

  test('builds in stages on a current Node LTS', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    expect(stages[0]?.from).toMatch(NODE_LTS);
    expect(last(stages).from).toMatch(NODE_LTS);
  });

  test('prunes the monorepo to the app, installs from the lockfile, keeps production dependencies only', () => {
    const commands = runs(stages).join('\n');
    expect(commands).toMatch(/turbo prune "?@jobping\/\$\{APP\}"? --docker/);
    expect(commands).toMatch(/pnpm install --frozen-lockfile/);
    expect(commands).toMatch(/turbo run build --filter="?@jobping\/\$\{APP\}\.\.\."?/);
    expect(commands).toMatch(/pnpm --filter="?@jobping\/\$\{APP\}"? deploy --prod/);
  });

  test('runs as a non-root user with NODE_ENV=production, a healthcheck and the apps\' common entry point', () => {
    const runtime = last(stages);
    expectNonRootUser(runtime);
    expect(lastArgs(runtime, 'ENV')).toMatch(/NODE_ENV=production/);
    expect(lastArgs(runtime, 'HEALTHCHECK')).toMatch(/CMD/);
    expect(lastArgs(runtime, 'CMD')).toBe('["node", "dist/main.js"]');
    // The final image gets the deployed app only, never the build stage's workspace.
    expect(runtime.instructions.filter((i) => i.keyword === 'COPY' && /--from=build/.test(i.args)).map((i) => i.args.split(/\s+/)[1])).toEqual(
      expect.arrayContaining(['/out/']),
    );
  });

  test.each(listApps().filter((app) => !servesStaticFiles(app.name)).map((app) => [app.name, app.manifest] as const))('fits %s: it starts with node dist/main.js and declares its port', (_name, manifest) => {
    expect(manifest.scripts?.start).toBe('node dist/main.js');
    expect(new URL(manifest.jobping?.url ?? 'http://invalid').port).toMatch(/^\d+$/);
  });
});

describe('docker/web.Dockerfile', () => {
  const stages = parseDockerfile(readRepoFile('docker', 'web.Dockerfile'));

  test('builds the web app on a current Node LTS from the pruned lockfile', () => {
    expect(stages[0]?.from).toMatch(NODE_LTS);
    const commands = runs(stages).join('\n');
    expect(commands).toMatch(/turbo prune @jobping\/web --docker/);
    expect(commands).toMatch(/pnpm install --frozen-lockfile/);
  });

  test('serves the built assets from an unprivileged nginx with a healthcheck', () => {
    const runtime = last(stages);
    expect(runtime.from).toMatch(/^nginxinc\/nginx-unprivileged:/);
    expectNonRootUser(runtime);
    expect(lastArgs(runtime, 'HEALTHCHECK')).toMatch(/healthz/);
    expect(runtime.instructions.some((i) => i.keyword === 'COPY' && /apps\/web\/dist\/?\s/.test(i.args))).toBe(true);
  });
});

test('.dockerignore keeps dependencies, builds and local secrets out of the build context', () => {
  const ignored = readRepoFile('.dockerignore').split('\n');
  expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', '**/dist', '.env', '.jobping']));
});
