import { defineConfig, devices } from '@playwright/test';
import type { StackOptions } from './e2e/fixtures';

// Debian's Chromium (a Playwright browser download fails on these machines); quiet on a closed network.
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig<StackOptions>({
  testDir: './e2e',
  // One stack at a time, one browser: the flows share it and the machine has two cores.
  workers: 1,
  fullyParallel: false,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  retries: 0,
  outputDir: '.test-results/artifacts',
  // scripts/lib/test-results.mjs sums this JSON report into `npm test`'s total.
  reporter: [['list'], ['json', { outputFile: '.test-results/playwright.json' }]],
  use: {
    ...devices['Desktop Chrome'],
    headless: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH || '/usr/bin/chromium',
      args: CHROMIUM_FLAGS,
    },
  },
  // The same tests against both web servers: `vite preview` (npm start) and the topology that
  // ships (the web image's nginx in front of the APIs in production mode). Behind nginx access
  // tokens live 8 seconds, so every flow also runs through their silent renewal.
  projects: [
    { name: 'vite', use: { front: 'vite' } },
    { name: 'nginx', use: { front: 'nginx', accessTtlSeconds: 8 } },
  ],
});
