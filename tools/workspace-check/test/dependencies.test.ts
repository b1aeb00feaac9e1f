import { describe, expect, test } from '@jest/globals';
import { importedPackages } from '../src/imports';
import { ROOT, listWorkspaces, readRepoFile, sourceFiles, type Workspace } from '../src/workspaces';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const workspaces = listWorkspaces();
const rootManifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string> };
/** The root's dev tools (Jest, TypeScript, ESLint) serve every workspace's tests. */
const rootDevTools = new Set(Object.keys(rootManifest.devDependencies ?? {}));

const isTestFile = (file: string) => /(\.test\.tsx?|\.spec\.tsx?)$/.test(file) || /\/(test|e2e|__tests__)\//.test(file);

/** What the workspace ships: for apps and packages the code under src/ without its tests (generated code included). */
function productionImports(w: Workspace): Set<string> {
  const files = sourceFiles(`${w.dir}/src`, { generated: true }).filter((file) => !isTestFile(file));
  return new Set(files.flatMap((file) => [...importedPackages(readRepoFile(file))]));
}

/** Everything else: tests, benchmarks, build and config scripts. */
function otherImports(w: Workspace): Set<string> {
  const files = sourceFiles(w.dir).filter((file) => !file.startsWith(`${w.dir}/src/`) || isTestFile(file));
  return new Set(files.flatMap((file) => [...importedPackages(readRepoFile(file))]));
}

/** `@types/x` is used when `x` is: it types an import. */
const typedPackage = (dep: string) => (dep.startsWith('@types/') ? dep.slice('@types/'.length).replace(/^(.+)__(.+)$/, '@$1/$2') : dep);

/**
 * Dependencies no import names, with the reason each is needed anyway. Keep this short: an entry
 * here is a dependency the check cannot see used.
 */
const USED_WITHOUT_IMPORT: Record<string, string> = {
  // Loaded by path by the migrator (require.resolve of its .wasm file would be an import it sees).
  '@prisma/schema-engine-wasm': 'the schema engine the migrations run on (packages/db/src/migrations)',
};

/** Packages a script resolves through another package's folder, not its own. */
const RESOLVED_THROUGH_ANOTHER: Record<string, string> = {
  '@prisma/engines': "prisma's engines, found from prisma's folder (packages/db/scripts/generate.mjs)",
};

describe.each(workspaces.filter((w) => w.kind !== 'tools').map((w) => [w.dir, w] as const))('%s/package.json', (_dir, w) => {
  const deps = new Set(Object.keys(w.manifest.dependencies ?? {}));
  const devDeps = new Set(Object.keys(w.manifest.devDependencies ?? {}));
  const shipped = productionImports(w);

  test('lists every package its production code imports as a dependency', () => {
    expect([...shipped].filter((pkg) => !deps.has(pkg) && pkg !== w.manifest.name).sort()).toEqual([]);
  });

  test('lists no dependency its production code does not import', () => {
    const used = new Set([...shipped].map(typedPackage));
    expect([...deps].filter((dep) => !used.has(typedPackage(dep)) && !used.has(dep) && !USED_WITHOUT_IMPORT[dep]).sort()).toEqual([]);
  });

  test('lists what its tests, benchmarks and scripts import (as a dependency or a devDependency)', () => {
    const missing = [...otherImports(w)].filter((pkg) => !deps.has(pkg) && !devDeps.has(pkg) && !rootDevTools.has(pkg) && !RESOLVED_THROUGH_ANOTHER[pkg] && pkg !== w.manifest.name);
    expect(missing.sort()).toEqual([]);
  });
});

describe.each(workspaces.filter((w) => w.kind === 'tools').map((w) => [w.dir, w] as const))('%s/package.json (a tool, never deployed)', (_dir, w) => {
  test('lists every package its code imports', () => {
    const listed = new Set([...Object.keys(w.manifest.dependencies ?? {}), ...Object.keys(w.manifest.devDependencies ?? {}), ...rootDevTools]);
    const imports = new Set([...sourceFiles(w.dir).flatMap((file) => [...importedPackages(readRepoFile(file))])]);
    expect([...imports].filter((pkg) => !listed.has(pkg) && pkg !== w.manifest.name).sort()).toEqual([]);
  });
});
