import { expect, test } from '@jest/globals';
import path from 'node:path';
import { listWorkspaces, readRepoFile, sourceFiles } from '../src/workspaces';

// The web app's types are views of the APIs' documents under the same names (the same meaning),
// so it is left out; every other workspace's exported names mean one thing each.
const workspaces = listWorkspaces().filter((w) => w.kind !== 'tools' && w.dir !== 'apps/web');
const EXPORTED = /^export (?:declare )?(?:abstract )?(class|interface|type|enum)\s+([A-Z][A-Za-z0-9]*)\b/gm;
const productionFiles = (dir: string) => sourceFiles(`${dir}/src`).filter((f) => !/\.test\.tsx?$/.test(f));

function owners(): Map<string, Set<string>> {
  const byName = new Map<string, Set<string>>();
  for (const w of workspaces) {
    for (const file of productionFiles(w.dir)) {
      for (const [, , name] of readRepoFile(file).matchAll(EXPORTED)) byName.set(name as string, new Set([...(byName.get(name as string) ?? []), w.dir]));
    }
  }
  return byName;
}

test('no two workspaces export a class or type of one name (each name means one thing)', () => {
  const shared = [...owners()].filter(([, dirs]) => dirs.size > 1).map(([name, dirs]) => `${name}: ${[...dirs].join(', ')}`);
  expect(shared).toEqual([]);
});

test('modules that held two meanings have one home each', () => {
  // Once jobs-api's read model and scrape-queue producer, the scraper's queue, and the db package's prepared statements.
  for (const basename of ['sql.ts', 'scrape-queue.ts']) {
    const homes = workspaces.filter((w) => productionFiles(w.dir).some((file) => path.basename(file) === basename)).map((w) => w.dir);
    expect([basename, homes.length <= 1]).toEqual([basename, true]);
  }
});
