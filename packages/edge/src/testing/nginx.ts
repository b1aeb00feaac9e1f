import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Test support: the web image's nginx on loopback, with Debian's nginx (`apt-get install
 * nginx`; `npm test` installs it, see scripts/lib/system-tools.mjs). Import it as
 * `@jobping/edge/testing`; never from production code.
 */
export const NGINX_PATH = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const NOBODY = 65_534;

/** The `ENV` settings of a Dockerfile's last stage (the web image's runtime stage). */
export function imageEnv(dockerfile: string): Record<string, string> {
  const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  const env: Record<string, string> = {};
  for (const match of runtime.replace(/\\\n/g, ' ').matchAll(/^ENV\s+(.+)$/gm)) {
    for (const pair of (match[1] ?? '').trim().split(/\s+/)) {
      const eq = pair.indexOf('=');
      if (eq > 0) env[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
  }
  return env;
}

/**
 * What the image's entrypoint (`20-envsubst-on-templates.sh`) writes for a template: envsubst
 * replacing the variables of `env` whose names match its NGINX_ENVSUBST_FILTER, and nothing
 * else. Fails when a `${NAME}` is left over: the image would hand it to nginx as is.
 */
export function renderImageTemplate(template: string, env: Record<string, string>): string {
  const filter = new RegExp(env.NGINX_ENVSUBST_FILTER ?? '.*');
  const names = Object.keys(env).filter((name) => filter.test(name));
  const result = spawnSync('envsubst', [names.map((name) => `\${${name}}`).join(' ')], { env, input: template, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`envsubst failed: ${result.error?.message ?? result.stderr}`);
  const left = [...new Set(result.stdout.match(/\$\{\w+\}/g) ?? [])];
  if (left.length > 0) throw new Error(`the template uses ${left.join(', ')}, which the image does not substitute (NGINX_ENVSUBST_FILTER or a value is missing)`);
  return result.stdout;
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

export interface RunningNginx {
  /** Everything nginx wrote to its error log so far. */
  output(): string;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * Runs nginx in the foreground with `http` as the contents of its http block (server blocks
 * listening on 127.0.0.1) and the image's http settings (mime types, sendfile), its pid and
 * temp files in a fresh folder, until stop(). Like the image, the master runs unprivileged:
 * as nobody when the tests run as root. Resolves once every port in `ports` accepts connections.
 */
export async function startNginx(http: string, ports: readonly number[]): Promise<RunningNginx> {
  if (!existsSync(NGINX_PATH)) throw new Error(`nginx is not installed at ${NGINX_PATH} (apt-get install nginx, or set NGINX_PATH)`);
  const dir = mkdtempSync(path.join(tmpdir(), 'jobping-nginx-'));
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `${kind}_temp_path ${dir}/${kind}_temp;`).join('\n  ');
  const conf = `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  sendfile on;
  keepalive_timeout 65;
  access_log off;
  ${temp}
${http}
}
`;
  const confPath = path.join(dir, 'nginx.conf');
  writeFileSync(confPath, conf);
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (asRoot) chownSync(dir, NOBODY, NOBODY);
  const user = asRoot ? { uid: NOBODY, gid: NOBODY } : {};
  const args = ['-e', 'stderr', '-p', dir, '-c', confPath];

  const check = spawnSync(NGINX_PATH, ['-t', '-q', ...args], { encoding: 'utf8', ...user });
  if (check.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`nginx rejects the configuration: ${check.stderr}\n${conf}`);
  }
  const child = spawn(NGINX_PATH, args, { stdio: ['ignore', 'ignore', 'pipe'], ...user });
  let log = '';
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    rmSync(dir, { recursive: true, force: true });
  };

  for (const port of ports) {
    let attempts = 0;
    while (!(await accepts(port))) {
      if (child.exitCode !== null || attempts++ > 400) {
        await stop();
        throw new Error(`nginx did not start listening on ${port}: ${log}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  return { output: () => log, exited, stop };
}

/** The options of the web image's nginx in front of two API upstreams. */
export interface WebNginxOptions {
  /** The repository root (docker/web.Dockerfile and docker/nginx.conf.template are read from there). */
  repoRoot: string;
  port: number;
  webRoot: string;
  authApiUrl: string;
  jobsApiUrl: string;
}

/** docker/nginx.conf.template rendered with docker/web.Dockerfile's ENV, as the image does, for loopback. */
export function renderWebServer(options: WebNginxOptions): string {
  const read = (file: string) => readFileSync(path.join(options.repoRoot, 'docker', file), 'utf8');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    ...imageEnv(read('web.Dockerfile')),
    AUTH_API_UPSTREAM: options.authApiUrl,
    JOBS_API_UPSTREAM: options.jobsApiUrl,
    WEB_LISTEN_PORT: `127.0.0.1:${options.port}`,
    WEB_ROOT: options.webRoot,
  };
  if (!env.NGINX_ENVSUBST_FILTER) throw new Error('docker/web.Dockerfile sets no NGINX_ENVSUBST_FILTER');
  return renderImageTemplate(read('nginx.conf.template'), env);
}

/** The web image's nginx (its template, rendered as the image renders it) on loopback. */
export async function startWebNginx(options: WebNginxOptions): Promise<RunningNginx & { url: string }> {
  const nginx = await startNginx(renderWebServer(options), [options.port]);
  return { ...nginx, url: `http://127.0.0.1:${options.port}` };
}
