import { existsSync } from 'node:fs';
import { ok, step, SetupError } from './out.mjs';
import { run, commandExists } from './run.mjs';
import { listWorkspaces } from './workspace.mjs';

const DEFAULT_PATH = '/usr/bin/chromium';

/**
 * Workspaces that drive a real browser (Playwright over Debian's Chromium; a browser download
 * fails on these machines) say so with `"jobping": { "needs": ["chromium"] }`. When one does
 * and no Chromium is installed, install Debian's package.
 */
export async function ensureChromium() {
  const needing = listWorkspaces().filter((w) => w.manifest.jobping?.needs?.includes('chromium'));
  if (needing.length === 0) return;
  const path = process.env.PLAYWRIGHT_CHROMIUM_PATH || DEFAULT_PATH;
  if (existsSync(path)) {
    ok(`Chromium at ${path}`);
    return;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!commandExists('apt-get') || !isRoot) {
    throw new SetupError(
      `${needing.map((w) => w.manifest.name).join(', ')} need Chromium and none is at ${path}. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set PLAYWRIGHT_CHROMIUM_PATH to a Chromium or Chrome binary.`,
    );
  }
  step('Installing Chromium (apt-get install chromium) for the browser tests and sources');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if ((await run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env })) !== 0) {
    await run('apt-get', ['update'], { env });
    if ((await run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env })) !== 0) {
      throw new SetupError('apt-get could not install chromium (see above). Install it yourself or set PLAYWRIGHT_CHROMIUM_PATH.');
    }
  }
  if (!existsSync(path)) throw new SetupError(`chromium was installed but ${path} does not exist; set PLAYWRIGHT_CHROMIUM_PATH.`);
  ok(`installed Chromium at ${path}`);
}
