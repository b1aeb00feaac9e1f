import type { z } from 'zod';
import { ConfigError } from './config-error';

type Env = Record<string, string | undefined>;

function expectation(schema: z.ZodObject, key: string): string {
  const field = schema.shape[key] as z.ZodType | undefined;
  return field?.description ?? 'a valid value';
}

/**
 * Parses `env` with a service's zod schema. Every problem becomes one line that names the
 * variable and what it expects; values are never echoed because they may be secrets.
 */
export function loadConfig<S extends z.ZodObject>(schema: S, env: Env = process.env): z.output<S> {
  // Empty strings count as unset so `FOO=` in an .env file falls back to the default.
  const cleaned: Env = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') cleaned[key] = value;
  }
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;

  const problems = new Map<string, string>();
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '(root)');
    if (problems.has(key)) continue;
    const what = cleaned[key] === undefined ? 'is missing' : `is invalid (${issue.message})`;
    problems.set(key, `${key} ${what}: expected ${expectation(schema, key)}`);
  }
  throw new ConfigError(`Invalid configuration: ${[...problems.values()].join('; ')}`, [...problems.keys()]);
}

/**
 * For entry points: on bad configuration print one line to stderr and exit 1, so the
 * process never starts half-configured.
 */
export function loadConfigOrExit<S extends z.ZodObject>(schema: S, env: Env = process.env): z.output<S> {
  try {
    return loadConfig(schema, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
