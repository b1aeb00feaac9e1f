import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { parseGreenhouseJobs } from './greenhouse';
import { companyFromSlug } from './parse';
import type { FetchContext, SourceAdapter, SourceDefinition } from './types';

/** The folder, below the adapter's root, that fixture files must live in. */
export const FIXTURES_FOLDER = 'fixtures';

/**
 * The real path of a fixture file, which must lie inside `<root>/fixtures`: `..`, absolute
 * paths and symlinks that lead elsewhere are refused, so a source can never read
 * /etc/passwd or the app's own configuration.
 */
async function fixtureFile(root: string, identifier: string): Promise<string> {
  const folder = path.resolve(root, FIXTURES_FOLDER);
  const refuse = () => new Error(`fixture file ${identifier} is outside the fixtures folder ${folder}; put it there and name it fixtures/<file>.json`);
  const within = (dir: string, file: string) => file.startsWith(`${dir}${path.sep}`);
  const wanted = path.resolve(root, identifier);
  if (!within(folder, wanted)) throw refuse();
  let real: string;
  try {
    real = await realpath(wanted);
  } catch {
    throw new Error(`fixture file ${identifier} does not exist in ${folder}`);
  }
  // Compared with the folder's own real path: the app may itself sit behind a symlink.
  if (!within(await realpath(folder), real)) throw refuse();
  return real;
}

/**
 * A loopback/offline source for the demo and end-to-end tests (on only with
 * SCRAPE_FIXTURE_SOURCES=true, never in production): the identifier is a JSON file under the
 * app's fixtures/ folder (`fixtures/demo-board.json`) or an http(s) URL, answering in the
 * Greenhouse board format `{ "jobs": [...] }` (jobs may carry `company_name`). URLs go through
 * the scraper's HTTP client, with its size cap, timeout and redirect rule.
 */
export function fixtureAdapter(rootDir: string): SourceAdapter {
  return {
    type: 'fixture',
    async fetch(source: SourceDefinition, { http, signal, logger }: FetchContext) {
      const where = source.identifier;
      let data: unknown;
      if (/^https?:\/\//i.test(where)) {
        data = await http.getJson(where, { signal });
      } else {
        data = JSON.parse(await readFile(await fixtureFile(rootDir, where), { encoding: 'utf8', signal }));
      }
      const fallback = companyFromSlug(path.basename(where).replace(/\.json$/i, ''));
      return parseGreenhouseJobs(data, fallback, (d) => logger.warn(d));
    },
  };
}
