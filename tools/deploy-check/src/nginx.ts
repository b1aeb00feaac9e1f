import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Debian's nginx (`apt-get install nginx`; npm test installs it, see scripts/lib/system-tools.mjs). */
export const NGINX_PATH = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

export interface RunningNginx {
  stop(): Promise<void>;
}

/**
 * An nginx config template with its `${NAME}` variables filled in, as the image's entrypoint
 * does with envsubst; fails on a variable `values` does not give (a new one in the template).
 */
export function renderTemplate(template: string, values: Record<string, string>): string {
  const rendered = template.replace(/\$\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
  const left = [...new Set(rendered.match(/\$\{\w+\}/g) ?? [])];
  if (left.length > 0) throw new Error(`no value for ${left.join(', ')} in the nginx template`);
  return rendered;
}

/** A free loopback port (released again for nginx to bind: nginx cannot report a port 0 choice). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Runs nginx in the foreground with `http` as the contents of its http block (server blocks
 * listening on 127.0.0.1), its pid, logs and temp files in a fresh folder, until stop().
 * Resolves once every port in `ports` accepts connections.
 */
export async function startNginx(http: string, ports: number[]): Promise<RunningNginx> {
  if (!existsSync(NGINX_PATH)) throw new Error(`nginx is not installed at ${NGINX_PATH} (apt-get install nginx, or set NGINX_PATH)`);
  const dir = await mkdtemp(path.join(tmpdir(), 'deploy-check-nginx-'));
  // Workers may run as nobody when the tests run as root: let them write their temp files.
  await mkdir(path.join(dir, 'tmp'));
  await chmod(dir, 0o755);
  await chmod(path.join(dir, 'tmp'), 0o777);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `${kind}_temp_path ${dir}/tmp/${kind};`).join('\n  ');
  const conf = `daemon off;\nmaster_process on;\nworker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log warn;\nevents {}\nhttp {\n  access_log off;\n  ${temp}\n${http}\n}\n`;
  const confPath = path.join(dir, 'nginx.conf');
  await writeFile(confPath, conf);

  const check = spawnSync(NGINX_PATH, ['-t', '-q', '-p', dir, '-c', confPath], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx rejects the configuration: ${check.stderr}\n${conf}`);

  const child = spawn(NGINX_PATH, ['-p', dir, '-c', confPath], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    await rm(dir, { recursive: true, force: true });
  };

  for (const port of ports) {
    let attempts = 0;
    while (!(await accepts(port))) {
      if (child.exitCode !== null || attempts++ > 200) {
        await stop();
        throw new Error(`nginx did not start listening on ${port}: ${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  return { stop };
}
