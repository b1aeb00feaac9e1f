import { z } from 'zod';
import { fields } from './fields';

/**
 * `fixture` job sources read local JSON files and any URL: the demo and the tests need them,
 * a real deployment must not have them. The scraper and jobs-api (which lets admins add
 * sources) read the same variable, off unless set, and refuse to start with it on in production.
 */
export const fixtureSourcesEnvSchema = z.object({
  SCRAPE_FIXTURE_SOURCES: fields.flag(
    false,
    'allow job sources of type fixture (local JSON files or any URL; the demo and tests only, refused when NODE_ENV=production)',
  ),
});

/** A `superRefine` for a schema with NODE_ENV and SCRAPE_FIXTURE_SOURCES: never both production and on. */
export function refuseFixtureSourcesInProduction(env: { NODE_ENV: string; SCRAPE_FIXTURE_SOURCES: boolean }, ctx: z.RefinementCtx): void {
  if (env.NODE_ENV === 'production' && env.SCRAPE_FIXTURE_SOURCES) {
    ctx.addIssue({
      code: 'custom',
      path: ['SCRAPE_FIXTURE_SOURCES'],
      message: 'fixture sources read local files and any URL, so they are never allowed with NODE_ENV=production; unset it',
    });
  }
}
