import type { Browser, LaunchOptions } from 'playwright-core';

/** Flags that keep Debian's Chromium quiet on a closed network (docs/contributing.md, "Working offline"). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface ChromiumSettings {
  executablePath: string;
  /**
   * SCRAPE_CHROMIUM_SANDBOX: Chromium's own sandbox for the processes that run page code. It
   * needs unprivileged user namespaces, which the default seccomp profiles of Docker and
   * Kubernetes (RuntimeDefault) block; there it is off and the container contains Chromium
   * instead (docs/deploying.md).
   */
  sandbox: boolean;
  timeoutMs: number;
}

/** What Playwright is asked to launch: the sandbox flag said out loud both ways. */
export function chromiumLaunchOptions({ executablePath, sandbox, timeoutMs }: ChromiumSettings): LaunchOptions {
  return {
    executablePath,
    headless: true,
    timeout: timeoutMs,
    // Playwright adds --no-sandbox itself unless chromiumSandbox is true.
    chromiumSandbox: sandbox,
    args: sandbox ? CHROMIUM_ARGS : [...CHROMIUM_ARGS, '--no-sandbox'],
  };
}

/** Starts Chromium for a browser source; a sandbox Chromium cannot have fails saying what to change. */
export async function launchChromium(settings: ChromiumSettings): Promise<Browser> {
  // Loaded on first use: processes without a browser source never pay for it.
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launch(chromiumLaunchOptions(settings));
  } catch (error) {
    if (!settings.sandbox) throw error;
    const text = String(error);
    const reason = /Running as root without --no-sandbox/.test(text)
      ? 'Chromium refuses its sandbox when it runs as root: run the scraper as a non-root user (the image does)'
      : /No usable sandbox|sys_chroot/.test(text)
        ? "Chromium could not start its sandbox here (the container's seccomp profile blocks the user namespaces or the chroot it needs)"
        : null;
    if (!reason) throw error;
    throw new Error(`${reason}, or set SCRAPE_CHROMIUM_SANDBOX=false where the container contains it instead (docs/deploying.md, "Chromium in the scraper pod").`, { cause: error });
  }
}
