import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { startStack, type Front, type Stack } from './stack';

export { expect };

const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '.test-results', 'screenshots');
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export interface StackOptions {
  /** The web server in front of the APIs (set per project in playwright.config.ts). */
  front: Front;
  accessTtlSeconds: number;
}

/**
 * Each project (one per web server in front) gets its own stack, started once per worker
 * (one worker runs one project's tests). Every test gets the stack's web URL as baseURL, and
 * fails on any uncaught page error or console error. Chromium also logs each 4xx/5xx answer
 * as "Failed to load resource"; those are API answers the page handles and shows (a wrong
 * password is a 401), so they do not count. A Content-Security-Policy violation does count.
 */
export const test = base.extend<{ consoleErrors: string[] }, StackOptions & { stack: Stack }>({
  front: ['vite', { scope: 'worker', option: true }],
  accessTtlSeconds: [900, { scope: 'worker', option: true }],
  stack: [
    async ({ front, accessTtlSeconds }, use) => {
      const stack = await startStack({ front, accessTtlSeconds });
      try {
        await use(stack);
      } finally {
        await stack.stop();
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  baseURL: async ({ stack }, use) => use(stack.webUrl),
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        if (/^Failed to load resource: the server responded with a status of (4\d\d)/.test(message.text())) return;
        errors.push(`console error: ${message.text()}`);
      });
      await use(errors);
      expect(errors, 'no console errors').toEqual([]);
    },
    { auto: true },
  ],
});

/** axe-core's WCAG 2.x A and AA rules (labels, names, contrast, landmarks…) on the page as it is now. */
async function accessibilityViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/**
 * Saves the page at desktop and phone width (full page) to .test-results/screenshots/, and
 * checks it with axe at both widths: every page a test photographs is also checked.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const before = page.viewportSize() ?? DESKTOP;
  for (const [label, size] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150); // let layout settle after the resize
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${label}.png`), fullPage: true });
    expect(await accessibilityViolations(page), `accessibility of ${name} at ${label} width`).toEqual([]);
  }
  await page.setViewportSize(before);
}

export const PASSWORD = 'correct-horse-battery-9';
export const uniqueEmail = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@jobping.test`;

export async function signUp(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/signup');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
}

export async function logIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

interface DiscordRequest {
  webhookId: string;
  status: number;
  body: { embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[] }[] };
}

/** What the fake Discord received so far. */
export async function discordRequests(stack: Stack): Promise<DiscordRequest[]> {
  const res = await fetch(stack.inspectUrl);
  return (await res.json()) as DiscordRequest[];
}
