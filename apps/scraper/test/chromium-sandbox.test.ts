import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createAdapterRegistry, type SourceDefinition } from '@jobping/sources';
import { APP_ROOT, scraperEnvSchema } from '../src/config';
import { logger, sendHtml, startLoopback, testHttpClient, type LoopbackServer } from './helpers';

/*
 * SCRAPE_CHROMIUM_SANDBOX decides whether the browser sources' Chromium runs with its sandbox.
 * Observed from outside, in /proc: a sandboxed renderer sits in a user namespace of its own
 * under a seccomp-bpf filter of Chromium's on top of whatever the browser process has; without
 * the sandbox it shares the browser's namespace and filters. Chromium refuses its sandbox to
 * root, so when the tests run as root, Chromium runs as nobody the way the image runs it (a
 * non-root user, no capabilities, no_new_privs as with allowPrivilegeEscalation: false).
 */

const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
const hasChromium = existsSync(chromiumPath);
if (!hasChromium) console.warn(`SKIPPED: the Chromium sandbox tests need Chromium at ${chromiumPath} (apt-get install -y chromium).`);

const dropPrivileges = ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--no-new-privs', '--inh-caps=-all', '--bounding-set=-all', '--'];
// Chromium's sandbox needs unprivileged user namespaces; some kernels and containers forbid them.
const probe = isRoot ? spawnSync('setpriv', [...dropPrivileges.slice(1), 'unshare', '--user', 'true']) : spawnSync('unshare', ['--user', 'true']);
const userNamespaces = probe.status === 0;
if (hasChromium && !userNamespaces) {
  console.warn(
    probe.error
      ? `SKIPPED: the sandboxed Chromium test needs util-linux (setpriv, unshare): ${probe.error.message}`
      : 'SKIPPED: this machine does not allow unprivileged user namespaces, so Chromium cannot start its sandbox here (docs/deploying.md).',
  );
}
const withSandboxSupport = hasChromium && userNamespaces ? it : it.skip;
const withChromium = hasChromium ? it : it.skip;

interface ChromiumProcess {
  pid: number;
  type: string;
  seccompFilters: number;
  userNamespace: string | null;
}

/** Chromium processes below this one (Playwright's child and its children), read from /proc. */
function chromiumProcesses(): ChromiumProcess[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const found: ChromiumProcess[] = [];
  const queue = [...(children.get(process.pid) ?? [])];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    queue.push(...(children.get(pid) ?? []));
    try {
      // Chromium rewrites its children's command lines into one string: read it as text.
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (!/^\S*chrom/.test(cmdline)) continue;
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const filters = /^Seccomp_filters:\s*(\d+)/m.exec(status)?.[1] ?? /^Seccomp:\s*(\d+)/m.exec(status)?.[1] ?? '0';
      let userNamespace: string | null = null;
      try {
        userNamespace = readlinkSync(`/proc/${pid}/ns/user`);
      } catch {
        // A sandboxed process is not dumpable: only root may look.
      }
      const type = /(?:^| )--type=([\w-]+)/.exec(cmdline)?.[1] ?? 'browser';
      found.push({ pid, type, seccompFilters: Number(filters), userNamespace });
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

let server: LoopbackServer;
let snapshot: ChromiumProcess[] = [];
let workDir: string;
let launcher: string;
const http = testHttpClient();

beforeAll(async () => {
  server = await startLoopback((_req, res, url) => {
    if (url.pathname === '/jobs/search') {
      // A parser-blocking script: the page cannot finish loading before /probe.js is answered,
      // so the renderer is alive while the processes are read.
      return sendHtml(res, 200, '<html><body><ul class="jobs-search__results-list"></ul><script src="/probe.js"></script></body></html>');
    }
    if (url.pathname === '/probe.js') {
      snapshot = chromiumProcesses();
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end('void 0;');
      return;
    }
    sendHtml(res, 404, '<html><body>Not found</body></html>');
  });
  workDir = mkdtempSync(path.join(tmpdir(), 'scraper-chromium-'));
  chmodSync(workDir, 0o755);
  // As root: Chromium as nobody, in the profile folder Playwright made (and owns as root).
  launcher = path.join(workDir, 'chromium-as-nobody');
  writeFileSync(
    launcher,
    [
      '#!/bin/sh',
      'for arg; do case "$arg" in --user-data-dir=*) profile="${arg#--user-data-dir=}";; esac; done',
      `chown -R ${NOBODY}:${NOBODY} "$profile"`,
      `HOME="$profile" exec ${dropPrivileges.join(' ')} ${chromiumPath} "$@"`,
      '',
    ].join('\n'),
  );
  chmodSync(launcher, 0o755);
});

afterAll(async () => {
  await http.close();
  await server.close();
  rmSync(workDir, { recursive: true, force: true });
});

const source: SourceDefinition = { id: '00000000-0000-4000-8000-000000000001', type: 'linkedin', identifier: 'sandbox-probe', searchTerms: ['probe'], location: null };

/** The LinkedIn adapter as the scraper builds it from its environment. */
function linkedIn(env: Record<string, string>) {
  const config = scraperEnvSchema.parse({
    DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/unused',
    REDIS_URL: 'redis://127.0.0.1:6379/15',
    LINKEDIN_BASE_URL: server.url,
    LINKEDIN_DETAIL_LIMIT: '0',
    PLAYWRIGHT_CHROMIUM_PATH: isRoot ? launcher : chromiumPath,
    ...env,
  });
  const adapter = createAdapterRegistry(config, APP_ROOT).get('linkedin');
  if (!adapter) throw new Error('no linkedin adapter');
  return adapter;
}

async function renderersOf(env: Record<string, string>) {
  snapshot = [];
  await linkedIn(env).fetch(source, { http, logger, signal: new AbortController().signal, since: null, limit: 10 });
  const browser = snapshot.find((p) => p.type === 'browser');
  const renderers = snapshot.filter((p) => p.type === 'renderer');
  if (!browser || renderers.length === 0) throw new Error(`no Chromium browser and renderer seen: ${JSON.stringify(snapshot)}`);
  return { browser, renderers };
}

describe('Chromium sandbox (SCRAPE_CHROMIUM_SANDBOX)', () => {
  it('is on unless the environment turns it off', () => {
    expect(scraperEnvSchema.parse({ DATABASE_URL: 'postgresql://x@127.0.0.1/x', REDIS_URL: 'redis://127.0.0.1:6379/15' }).SCRAPE_CHROMIUM_SANDBOX).toBe(true);
  });

  withSandboxSupport(
    'on: each renderer runs in a user namespace of its own under a seccomp filter of its own',
    async () => {
      const { browser, renderers } = await renderersOf({ SCRAPE_CHROMIUM_SANDBOX: 'true' });
      for (const renderer of renderers) {
        expect(renderer.seccompFilters).toBeGreaterThan(browser.seccompFilters);
        if (renderer.userNamespace && browser.userNamespace) expect(renderer.userNamespace).not.toBe(browser.userNamespace);
      }
    },
    90_000,
  );

  withChromium(
    'off: the renderers share the browser process namespace and filters (--no-sandbox)',
    async () => {
      const { browser, renderers } = await renderersOf({ SCRAPE_CHROMIUM_SANDBOX: 'false' });
      for (const renderer of renderers) {
        expect(renderer.seccompFilters).toBe(browser.seccompFilters);
        if (renderer.userNamespace && browser.userNamespace) expect(renderer.userNamespace).toBe(browser.userNamespace);
      }
    },
    90_000,
  );

  // Stand-ins for Chromium under a container runtime's default seccomp profile, printing what
  // Debian's Chromium 156 printed there (docs/deploying.md records those runs): Docker's and
  // containerd's profile block unshare, CRI-O's blocks chroot.
  it.each([
    ['user namespaces are blocked', 'ERROR:content/browser/zygote_host/zygote_host_impl_linux.cc:130] No usable sandbox! If you want to live dangerously and need an immediate workaround, you can try using --no-sandbox.'],
    ['chroot is blocked', 'Check failed: sys_chroot("/proc/self/fdinfo/") == 0'],
  ])('on, where %s: fails saying what to change', async (_case, line) => {
    const blocked = path.join(workDir, 'chromium-without-sandbox-syscalls');
    writeFileSync(blocked, `#!/bin/sh\necho '${line}' >&2\nexit 1\n`);
    chmodSync(blocked, 0o755);
    const adapter = linkedIn({ SCRAPE_CHROMIUM_SANDBOX: 'true', PLAYWRIGHT_CHROMIUM_PATH: blocked });
    await expect(adapter.fetch(source, { http, logger, signal: new AbortController().signal, since: null, limit: 10 })).rejects.toThrow(
      /could not start its sandbox here.*seccomp profile.*SCRAPE_CHROMIUM_SANDBOX=false/s,
    );
  });

  (hasChromium && isRoot ? it : it.skip)(
    'on, as root: fails saying how to run it (Chromium refuses its sandbox to root)',
    async () => {
      const adapter = linkedIn({ SCRAPE_CHROMIUM_SANDBOX: 'true', PLAYWRIGHT_CHROMIUM_PATH: chromiumPath });
      await expect(adapter.fetch(source, { http, logger, signal: new AbortController().signal, since: null, limit: 10 })).rejects.toThrow(
        /as root.*SCRAPE_CHROMIUM_SANDBOX=false/s,
      );
    },
    90_000,
  );
});
