import { spawn, spawnSync } from 'node:child_process';
import { ROOT } from './paths.mjs';

/** Runs a command with inherited output; resolves with its exit code. */
export function run(command, args, { env = process.env, cwd = ROOT } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Runs a command quietly; returns { status, output }. */
export function capture(command, args, { env = process.env, cwd = ROOT, timeout = 60_000 } = {}) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout });
  return { status: result.error ? -1 : result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

export function commandExists(command) {
  return capture('sh', ['-c', `command -v ${command}`]).status === 0;
}
