import { describe, expect, test } from '@jest/globals';
import { isApp, listWorkspaces, readRepoFile, sourceFiles } from '../src/workspaces';

// Test, harness and benchmark code live in @jobping/testing and @jobping/pipeline-harness (devDependencies
// only), so the production build of an app or library (its src/, copied into the image) never carries them.
const TEST_ONLY = ['@jobping/testing', '@jobping/pipeline-harness'];
const workspaces = listWorkspaces();
const shipped = workspaces.filter((w) => w.kind !== 'tools' && !TEST_ONLY.includes(w.manifest.name));

describe('homes for non-production code', () => {
  test.each(shipped.map((w) => [w.dir]))('%s/src holds no harness, bench or fake server', (dir) => {
    const misplaced = sourceFiles(`${dir}/src`).filter(
      (file) => /\/(harness|bench|fakes?)\//.test(file) || /^export (declare )?class Fake/m.test(readRepoFile(file)),
    );
    expect(misplaced).toEqual([]);
  });

  test('test-only packages are never a production dependency', () => {
    const offenders = workspaces
      .filter((w) => !TEST_ONLY.includes(w.manifest.name))
      .flatMap((w) => Object.keys(w.manifest.dependencies ?? {}).filter((dep) => TEST_ONLY.includes(dep)).map((dep) => `${w.dir} → ${dep}`));
    expect(offenders).toEqual([]);
  });

  test('no app depends on another app', () => {
    // The web app generates its API types from the two APIs' OpenAPI documents (scripts/api-types.mjs)
    // and its dev server proxies auth-api's route list (vite.config.ts); its browser tests get the
    // other apps through @jobping/pipeline-harness.
    const allowed = new Set(['apps/web → @jobping/auth-api', 'apps/web → @jobping/jobs-api']);
    const offenders = workspaces
      .filter((w) => w.kind === 'apps')
      .flatMap((w) =>
        [...Object.keys(w.manifest.dependencies ?? {}), ...Object.keys(w.manifest.devDependencies ?? {})]
          .filter((dep) => isApp(dep, workspaces))
          .map((dep) => `${w.dir} → ${dep}`),
      )
      .filter((edge) => !allowed.has(edge));
    expect(offenders).toEqual([]);
  });

  test('one fake Discord: no workspace writes its own', () => {
    const fakes = workspaces
      .flatMap((w) => sourceFiles(w.dir))
      .filter((file) => /^(export )?class FakeDiscord\b/m.test(readRepoFile(file)));
    expect(fakes).toEqual(['packages/testing/src/fake-discord.ts']);
  });

  test("the demo data is not on @jobping/db's runtime entry point", () => {
    const index = readRepoFile('packages/db/src/index.ts');
    expect(index).not.toMatch(/seed|demo/i);
  });

  test('every benchmark reports through the bench kit of @jobping/testing', () => {
    const benches = workspaces.filter((w) => Object.keys(w.manifest.scripts ?? {}).some((s) => s.startsWith('bench:')));
    expect(benches.length).toBeGreaterThan(0);
    for (const bench of benches) expect([bench.dir, bench.manifest.devDependencies?.['@jobping/testing'] ?? bench.manifest.dependencies?.['@jobping/testing']]).toEqual([bench.dir, 'workspace:*']);
    // Figures, rounding and the JSON lines are the kit's; no benchmark keeps its own copy.
    const ownCopies = workspaces
      .flatMap((w) => sourceFiles(w.dir))
      .filter((file) => file !== 'packages/testing/src/bench-kit.ts')
      .filter((file) => /^(export )?(interface Figure\b|const round = )/m.test(readRepoFile(file)));
    expect(ownCopies).toEqual([]);
  });
});
