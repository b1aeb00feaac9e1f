import { expect, test } from '@jest/globals';
import { listWorkspaces, readRepoFile } from '../src/workspaces';

// pnpm links a package's bins at install time, before anything is built: a bin that points at
// dist/ prints "Failed to create bin … ENOENT" on every fresh clone. Our commands are run as
// `pnpm jobping <area> …` (scripts/jobping.mjs) and `node dist/cli.js` in the images.
test('no workspace declares a bin', () => {
  expect(listWorkspaces().filter((w) => w.manifest.bin !== undefined).map((w) => w.dir)).toEqual([]);
});

test('the install-script decision is explicit: nothing may build, every dependency with a build script is named', () => {
  const config = readRepoFile('pnpm-workspace.yaml');
  expect(config).toMatch(/^onlyBuiltDependencies: \[\]$/m);
  expect(config).toMatch(/^ignoredBuiltDependencies:$/m);
});
