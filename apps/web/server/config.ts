import { fields, loadConfig } from '@jobping/config';
import { z } from 'zod';

const apiUrl = (fallback: string, what: string) =>
  z
    .url({ protocol: /^https?$/, error: 'not an http(s) URL' })
    .default(fallback)
    .describe(`base URL of ${what} (default ${fallback})`);

/** What the web server (Vite dev server or `vite preview`) reads from its environment. */
export const webEnvSchema = z.object({
  WEB_PORT: fields.port(3000),
  WEB_HOST: z.string().min(1).default('localhost').describe('interface the web server listens on (default localhost)'),
  // 127.0.0.1 rather than localhost: Node's fetch may try ::1 first, where the APIs may not listen.
  AUTH_API_URL: apiUrl('http://127.0.0.1:3001', 'auth-api (register, login, tokens, account settings)'),
  JOBS_API_URL: apiUrl('http://127.0.0.1:3002', 'jobs-api (jobs, matches, notifications, scrape runs, admin)'),
});
export type WebConfig = z.output<typeof webEnvSchema>;

export function loadWebConfig(env: Record<string, string | undefined> = process.env): WebConfig {
  return loadConfig(webEnvSchema, env);
}
