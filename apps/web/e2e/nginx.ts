// The web image's nginx, run here as the image runs it: docker/nginx.conf.template rendered by
// envsubst with the variables and filter of docker/web.Dockerfile (as the image's entrypoint
// does), in front of the built app, with Debian's nginx (installed by setup) as a non-root master.
import { spawn } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const NGINX_BINARY = process.env.NGINX_BINARY || '/usr/sbin/nginx';
const NOBODY = 65_534;

/** The `ENV` settings of the web image (the runtime stage of docker/web.Dockerfile). */
export function webImageEnv(dockerfile: string): Record<string, string> {
  const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  const env: Record<string, string> = {};
  // ENV A=1 \ B=2 … (continued lines joined first)
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
 * replacing only the variables of the environment whose names match NGINX_ENVSUBST_FILTER.
 */
export async function renderTemplate(template: string, env: Record<string, string>): Promise<string> {
  const filter = new RegExp(env.NGINX_ENVSUBST_FILTER ?? '.*');
  const names = Object.keys(env).filter((name) => filter.test(name));
  const child = spawn('envsubst', [names.map((name) => `\${${name}}`).join(' ')], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  child.stdin.end(template);
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) throw new Error(`envsubst failed (${code}): ${err}`);
  return out;
}

/** The http-level settings of the image's /etc/nginx/nginx.conf, with paths in `dir`. */
function mainConfig(dir: string): string {
  return `worker_processes 1;
pid ${dir}/nginx.pid;
events { worker_connections 1024; }
http {
  proxy_temp_path ${dir}/proxy_temp;
  client_body_temp_path ${dir}/client_temp;
  fastcgi_temp_path ${dir}/fastcgi_temp;
  uwsgi_temp_path ${dir}/uwsgi_temp;
  scgi_temp_path ${dir}/scgi_temp;
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  keepalive_timeout 65;
  include ${dir}/conf.d/*.conf;
}
`;
}

export interface NginxProcess {
  url: string;
  output(): string;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export interface NginxOptions {
  repoRoot: string;
  port: number;
  webRoot: string;
  authApiUrl: string;
  jobsApiUrl: string;
}

export async function startNginx(options: NginxOptions): Promise<NginxProcess> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jobping-nginx-'));
  mkdirSync(path.join(dir, 'conf.d'));
  const imageEnv = webImageEnv(readFileSync(path.join(options.repoRoot, 'docker', 'web.Dockerfile'), 'utf8'));
  if (!imageEnv.NGINX_ENVSUBST_FILTER) throw new Error('docker/web.Dockerfile sets no NGINX_ENVSUBST_FILTER');
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    ...imageEnv,
    AUTH_API_UPSTREAM: options.authApiUrl,
    JOBS_API_UPSTREAM: options.jobsApiUrl,
    WEB_LISTEN_PORT: `127.0.0.1:${options.port}`,
    WEB_ROOT: options.webRoot,
  };
  const template = readFileSync(path.join(options.repoRoot, 'docker', 'nginx.conf.template'), 'utf8');
  writeFileSync(path.join(dir, 'conf.d', 'default.conf'), await renderTemplate(template, env));
  writeFileSync(path.join(dir, 'nginx.conf'), mainConfig(dir));

  // The image runs nginx as an unprivileged user: so does this, when the tests run as root.
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (asRoot) for (const entry of [dir, path.join(dir, 'conf.d')]) chownSync(entry, NOBODY, NOBODY);
  const child = spawn(NGINX_BINARY, ['-e', 'stderr', '-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    url: `http://127.0.0.1:${options.port}`,
    output: () => log,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
