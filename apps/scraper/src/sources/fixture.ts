import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseGreenhouseJobs } from './greenhouse';
import { companyFromSlug } from './parse';
import type { FetchContext, SourceAdapter, SourceDefinition } from './types';

/**
 * A loopback/offline source for the demo and end-to-end tests: the identifier is a JSON file
 * (relative paths from the scraper's folder) or an http(s) URL answering in the Greenhouse
 * board format `{ "jobs": [...] }` (jobs may carry `company_name`). No internet needed.
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
        const file = path.resolve(rootDir, where);
        data = JSON.parse(await readFile(file, { encoding: 'utf8', signal }));
      }
      const fallback = companyFromSlug(path.basename(where).replace(/\.json$/i, ''));
      return parseGreenhouseJobs(data, fallback, (d) => logger.warn(d));
    },
  };
}
