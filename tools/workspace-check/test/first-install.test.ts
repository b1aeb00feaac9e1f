import { expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT, listWorkspaces, readRepoFile } from '../src/workspaces';

// pnpm links a package's bins at install time, before anything is built: a bin that points at
// dist/ prints "Failed to create bin … ENOENT" on every fresh clone. Our commands are run as
// `pnpm jobping <area> …` (scripts/jobping.mjs) and `node dist/cli.js` in the images.
test('no workspace declares a bin', () => {
  expect(listWorkspaces().filter((w) => w.manifest.bin !== undefined).map((w) => w.dir)).toEqual([]);
});

/** Every installed package (node_modules/.pnpm) with an install-time script. */
function packagesWithInstallScripts(): string[] {
  const store = path.join(ROOT, 'node_modules', '.pnpm');
  const names = new Set<string>();
  for (const entry of readdirSync(store)) {
    const modules = path.join(store, entry, 'node_modules');
    if (!existsSync(modules)) continue;
    for (const scopeOrName of readdirSync(modules)) {
      const candidates = scopeOrName.startsWith('@') ? readdirSync(path.join(modules, scopeOrName)).map((n) => `${scopeOrName}/${n}`) : [scopeOrName];
      for (const name of candidates) {
        const manifest = path.join(modules, name, 'package.json');
        if (!existsSync(manifest)) continue;
        const { scripts } = JSON.parse(readFileSync(manifest, 'utf8')) as { scripts?: Record<string, string> };
        if (scripts?.preinstall || scripts?.install || scripts?.postinstall) names.add(name);
      }
    }
  }
  return [...names].sort();
}

// Without a decision pnpm prints an "Ignored build scripts" box on a fresh install. Each
// dependency with an install script is named in pnpm-workspace.yaml, with the reason.
test('every dependency with an install script is decided on: built or ignored', () => {
  const config = parse(readRepoFile('pnpm-workspace.yaml')) as { onlyBuiltDependencies?: string[]; ignoredBuiltDependencies?: string[] };
  const decided = new Set([...(config.onlyBuiltDependencies ?? []), ...(config.ignoredBuiltDependencies ?? [])]);
  expect(packagesWithInstallScripts().filter((name) => !decided.has(name))).toEqual([]);
  // Nothing may run an install script (ENVIRONMENT.md: the native parts come from the registry).
  expect(config.onlyBuiltDependencies).toEqual([]);
});
