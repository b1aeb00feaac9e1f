import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ok, step, SetupError } from './out.mjs';
import { ROOT, STATE_DIR } from './paths.mjs';
import { capture, commandExists, run } from './run.mjs';

const wanted = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).packageManager.split('@')[1];
const localBin = path.join(STATE_DIR, 'tools', 'node_modules', '.bin');

/**
 * Makes sure pnpm (the version package.json pins) is on PATH. corepack cannot be used on
 * these machines (its bundled signing keys are too old to verify pnpm; docs/contributing.md), so it comes from npm: globally, or into .jobping/tools
 * when the global prefix is not writable.
 */
export async function ensurePnpm() {
  process.env.PATH = `${localBin}${path.delimiter}${process.env.PATH}`;
  if (commandExists('pnpm') && capture('pnpm', ['--version']).output === wanted) {
    ok(`pnpm ${wanted}`);
    return;
  }
  step(`Installing pnpm ${wanted} with npm`);
  if ((await run('npm', ['install', '--global', '--no-fund', '--no-audit', `pnpm@${wanted}`])) === 0 && capture('pnpm', ['--version']).output === wanted) {
    ok(`pnpm ${wanted} installed globally`);
    return;
  }
  const code = await run('npm', ['install', '--prefix', path.join(STATE_DIR, 'tools'), '--no-fund', '--no-audit', `pnpm@${wanted}`]);
  if (code !== 0 || !commandExists('pnpm')) {
    throw new SetupError(`Could not install pnpm ${wanted} with npm. Install it yourself (npm install -g pnpm@${wanted}) and run this again.`);
  }
  ok(`pnpm ${wanted} installed into .jobping/tools`);
}

export async function installDependencies() {
  step('Installing dependencies (pnpm install)');
  const args = ['install', '--prefer-offline'];
  if (process.env.CI) args.push('--frozen-lockfile');
  const code = await run('pnpm', args);
  if (code !== 0) throw new SetupError('pnpm install failed (see above). Check your network access to the npm registry and run this again.');
}
