import { describe, expect, test } from '@jest/globals';
import { listWorkspaces, productionClosure } from '../src/workspaces';

const workspaces = listWorkspaces();
// Processes without an HTTP API: the stage workers and the scraper. Their ops endpoints and
// shutdown come from @jobping/ops (node:http), so their images carry no web framework.
const workers = workspaces.filter((w) => w.kind === 'apps' && !w.dir.endsWith('-api') && w.dir !== 'apps/web');
const HTTP_API_STACK = ['express', 'passport', 'passport-jwt', 'helmet', 'jsonwebtoken', '@jobping/http-kit'];

describe('workers depend only on what they run', () => {
  test('there are workers to check', () => {
    expect(workers.map((w) => w.dir)).toEqual(expect.arrayContaining(['apps/matcher', 'apps/fanout', 'apps/notifier', 'apps/company-researcher', 'apps/scraper']));
  });

  test.each(workers.map((w) => [w.manifest.name]))('%s needs no HTTP API stack at run time', (name) => {
    const closure = productionClosure(name, workspaces);
    expect(HTTP_API_STACK.filter((pkg) => closure.has(pkg))).toEqual([]);
  });
});
