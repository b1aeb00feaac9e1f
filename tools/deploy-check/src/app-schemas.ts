import type { z } from 'zod';
import { authApiEnvSchema, authCliEnvSchema } from '@jobping/auth-api/config';
import { companyResearcherEnv, companyResearcherWorker } from '@jobping/company-researcher/config';
import { dbCommandEnvSchema } from '@jobping/db';
import { fanoutEnv, fanoutWorker } from '@jobping/fanout/config';
import { jobsApiEnvSchema } from '@jobping/jobs-api/config';
import { matcherEnv, matcherWorker } from '@jobping/matcher/config';
import { notifierEnv, notifierWorker } from '@jobping/notifier/config';
import { scraperEnvSchema } from '@jobping/scraper/config';
import { streamWorkerEnvSchema } from '@jobping/stream-worker';

type EnvSchema = z.ZodObject<z.ZodRawShape>;

/** A stage app's schema as runStreamWorker builds it, with the app's own ops port and concurrency defaults. */
const workerSchema = (worker: { defaultOpsPort: number; defaults?: { concurrency?: number } }, env: z.ZodRawShape) =>
  streamWorkerEnvSchema(worker.defaultOpsPort, env, worker.defaults);

/**
 * The environment schema each app validates at start-up, imported from the app itself (its
 * `./config` entry point) so the checks follow the code. Stream workers get the fields
 * runStreamWorker adds, with their own defaults (docs/configuration.md is written from these).
 * `null`: the app reads no environment of ours (web serves static files).
 * deploy-check fails for an app under apps/ that is missing here.
 */
export const appEnvSchemas: Record<string, EnvSchema | null> = {
  'auth-api': authApiEnvSchema,
  'jobs-api': jobsApiEnvSchema,
  scraper: scraperEnvSchema,
  'company-researcher': workerSchema(companyResearcherWorker, companyResearcherEnv),
  fanout: workerSchema(fanoutWorker, fanoutEnv),
  matcher: workerSchema(matcherWorker, matcherEnv),
  notifier: workerSchema(notifierWorker, notifierEnv),
  // apps/web (being built on its own branch): nginx with the built assets.
  web: null,
};

/** Apps the shared Node image does not fit: they serve static files (web has its own image). */
export const servesStaticFiles = (app: string) => appEnvSchemas[app] === null;

/** The db CLI's schema: what the migration Job and the compose migrate service must provide. */
export const migrateEnvSchema: EnvSchema = dbCommandEnvSchema;

/** auth-api's operator CLI (`users promote|demote`): what k8s/ops/users-promote-job.yaml and compose's auth-api must provide. */
export const usersCliEnvSchema: EnvSchema = authCliEnvSchema;

/** Zod 4: a variable is required when leaving it unset fails validation (no default, not optional). */
export function requiredVariables(schema: EnvSchema): string[] {
  return Object.entries(schema.shape)
    .filter(([, field]) => !(field as z.ZodType).safeParse(undefined).success)
    .map(([name]) => name)
    .sort();
}

/** The value the app runs with: the deployment's value, else the schema's default. */
export function effectiveValue(schema: EnvSchema, name: string, provided: string | undefined): unknown {
  const field = schema.shape[name] as z.ZodType | undefined;
  if (!field) throw new Error(`the schema has no ${name}`);
  return field.parse(provided);
}
