import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The repository root: the nearest folder above this file with pnpm-workspace.yaml (from src/ and from dist/src/ alike). */
export const repoRoot = findRepoRoot(__dirname);

function findRepoRoot(from: string): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
  throw new Error(`no pnpm-workspace.yaml above ${from}`);
}

export type StageApp = 'company-researcher' | 'fanout' | 'matcher' | 'notifier';
export const stageApps: readonly StageApp[] = ['company-researcher', 'fanout', 'matcher', 'notifier'];
/** The other processes of a full stack (the web app's browser tests start them too). */
export type ServiceApp = 'auth-api' | 'jobs-api' | 'scraper';
export type AppName = StageApp | ServiceApp;

export interface WorkerProcess {
  app: AppName;
  child: ChildProcess;
  pid: number;
  /** Everything the process wrote (last 200 kB), for diagnostics. */
  output(): string;
  /** Peak resident memory so far in MB (VmHWM), or null when the process is gone. */
  peakRssMb(): number | null;
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
  /** SIGTERM, then waits for the exit (SIGKILL after `timeoutMs`). */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * Starts one app (a stage worker, an API or the scraper) as its own process:
 * `node apps/<app>/dist/main.js` (build first). `env` is added to this process's environment;
 * `nodeArgs` go to node (e.g. `--cpu-prof`).
 */
export function spawnWorker(app: AppName, env: Record<string, string>, nodeArgs: readonly string[] = []): WorkerProcess {
  const child = spawn(process.execPath, [...nodeArgs, path.join(repoRoot, 'apps', app, 'dist', 'main.js')], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const append = (chunk: Buffer) => {
    log += chunk.toString('utf8');
    if (log.length > 200_000) log = log.slice(-200_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const pid = child.pid as number;
  let peak: number | null = null;
  return {
    app,
    child,
    pid,
    exited,
    output: () => log,
    peakRssMb() {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1]);
        if (Number.isFinite(kb)) peak = Math.max(peak ?? 0, kb / 1024);
      } catch {
        // gone: keep the last reading
      }
      return peak;
    },
    kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
    async stop(timeoutMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      this.peakRssMb();
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
