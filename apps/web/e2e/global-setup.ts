import { startStack } from './stack';

/**
 * Starts the stack once for all tests and hands its addresses to the test workers through
 * the environment (workers start after global setup and inherit it). Returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const stack = await startStack();
  process.env.E2E_WEB_URL = stack.webUrl;
  process.env.E2E_DISCORD_INSPECT_URL = stack.inspectUrl;
  process.env.E2E_WEBHOOK_URL = stack.webhookUrl;
  process.env.E2E_BROKEN_WEBHOOK_URL = stack.brokenWebhookUrl;
  process.env.E2E_ADMIN_EMAIL = stack.adminEmail;
  return stack.stop;
}
