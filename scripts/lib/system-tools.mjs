import { existsSync } from 'node:fs';
import { ok, step, SetupError, warn } from './out.mjs';
import { run, commandExists } from './run.mjs';
import { pinnedBinary } from './pinned-binary.mjs';
import { listWorkspaces } from './workspace.mjs';

const chromiumPath = () => process.env.PLAYWRIGHT_CHROMIUM_PATH || '/usr/bin/chromium';
// Debian installs it in /usr/sbin, which a non-root PATH often lacks.
const NGINX_PATH = '/usr/sbin/nginx';

/**
 * System tools a workspace may declare with `"jobping": { "needs": [...] }` in its
 * package.json. `apt` is the Debian package that provides the tool (none: it cannot be
 * installed from the apt sources these machines reach, so we only say what is missing);
 * `install`: the tool installs itself (a pinned binary from a registry package).
 */
const TOOLS = {
  // Playwright over Debian's Chromium: a browser download fails on these machines.
  chromium: {
    apt: 'chromium',
    where: () => chromiumPath(),
    present: () => existsSync(chromiumPath()),
    otherwise: 'or set PLAYWRIGHT_CHROMIUM_PATH to a Chromium or Chrome binary',
  },
  yamllint: { apt: 'yamllint', where: () => 'yamllint', present: () => commandExists('yamllint') },
  // deploy-check runs the web image's nginx config on loopback (Debian's nginx, as in the image).
  nginx: { apt: 'nginx', where: () => NGINX_PATH, present: () => existsSync(NGINX_PATH) },
  // Part of the machine image (docs/contributing.md, "Working offline"); not in Debian's apt sources.
  kubectl: {
    apt: null,
    where: () => 'kubectl',
    present: () => commandExists('kubectl'),
    otherwise: 'see https://kubernetes.io/docs/tasks/tools/ (the client alone is enough: tests only run `kubectl kustomize`)',
  },
  // The official static helm, pinned by sha256, into .jobping/tools (scripts/pinned-tools.json).
  helm: pinnedBinary('helm'),
};

async function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const args = ['install', '-y', '--no-install-recommends', ...packages];
  if ((await run('apt-get', args, { env })) === 0) return true;
  // A fresh machine may have no package lists yet.
  await run('apt-get', ['update'], { env });
  return (await run('apt-get', args, { env })) === 0;
}

/** Installs (Debian apt-get, as root) the declared system tools that are missing. */
export async function ensureSystemTools() {
  const needers = new Map();
  for (const workspace of listWorkspaces()) {
    for (const need of workspace.manifest.jobping?.needs ?? []) {
      if (!TOOLS[need]) throw new SetupError(`${workspace.manifest.name} needs "${need}", which scripts/lib/system-tools.mjs does not know.`);
      needers.set(need, [...(needers.get(need) ?? []), workspace.manifest.name]);
    }
  }
  const missing = [];
  for (const [name, by] of needers) {
    const tool = TOOLS[name];
    if (tool.present()) ok(`${name} at ${tool.where()}`);
    else if (tool.install) {
      step(`Installing ${name} (needed by ${by.join(', ')})`);
      await tool.install();
      if (!tool.present()) throw new SetupError(`${name} was installed but ${tool.where()} is still missing.`);
      ok(`installed ${name} at ${tool.where()}`);
    } else if (tool.apt) missing.push({ name, by, tool });
    // Not installable here: the workspaces that need it fail with a clear message instead.
    else warn(`${name} is missing (needed by ${by.join(', ')}): install it, ${tool.otherwise}`);
  }
  if (missing.length === 0) return;

  const packages = missing.map((m) => m.tool.apt);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hint = (m) => `${m.name} (needed by ${m.by.join(', ')}; Debian/Ubuntu: sudo apt-get install -y ${m.tool.apt}${m.tool.otherwise ? `, ${m.tool.otherwise}` : ''})`;
  if (!commandExists('apt-get') || !isRoot) throw new SetupError(`Install ${missing.map(hint).join('; ')}.`);
  step(`Installing ${packages.join(', ')} (apt-get install)`);
  if (!(await aptInstall(packages))) throw new SetupError(`apt-get could not install ${packages.join(', ')} (see above). Install ${missing.map(hint).join('; ')}.`);
  for (const { name, tool } of missing) {
    if (!tool.present()) throw new SetupError(`${tool.apt} was installed but ${tool.where()} is still missing${tool.otherwise ? `; ${tool.otherwise}` : ''}.`);
    ok(`installed ${name} at ${tool.where()}`);
  }
}
