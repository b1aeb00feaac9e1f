import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { parse } from 'yaml';
import { readRepoFile, repoPath } from './repo';

/** The chart every Helm check renders, and its Chart.yaml. */
export const CHART_DIR = 'charts/jobping';
export const RELEASE = 'jobping';
export const NAMESPACE = 'jobping';

export interface ChartMetadata {
  apiVersion: string;
  name: string;
  version: string;
  appVersion: string;
  kubeVersion: string;
}

export const chartMetadata = (): ChartMetadata => parse(readRepoFile(CHART_DIR, 'Chart.yaml')) as ChartMetadata;

/** The oldest Kubernetes the chart declares (its kubeVersion, ">=1.33.0-0"), as helm --kube-version takes it. */
export function declaredKubeVersion(): string {
  const match = /^>=\s*(\d+\.\d+\.\d+)(-0)?$/.exec(chartMetadata().kubeVersion.trim());
  if (!match) throw new Error(`Chart.yaml kubeVersion "${chartMetadata().kubeVersion}" should read ">=X.Y.Z-0": the checks validate against that version`);
  return match[1] as string;
}

interface Pin {
  version: string;
  path: string;
}

/** The pinned helm binary setup installs (scripts/pinned-tools.json). */
export function helmBinary(): string {
  const pin = (JSON.parse(readRepoFile('scripts', 'pinned-tools.json')) as { helm: Pin }).helm;
  const binary = repoPath(pin.path);
  if (!existsSync(binary)) throw new Error(`helm ${pin.version} is not at ${pin.path}: run \`node scripts/setup.mjs\` (npm test does), which installs it.`);
  return binary;
}

/** Helm keeps its cache and settings in a scratch folder of the repository (.jobping is git-ignored), never in $HOME. */
function helmEnv(): NodeJS.ProcessEnv {
  const home = repoPath('.jobping', 'helm');
  const dirs = { HELM_CACHE_HOME: `${home}/cache`, HELM_CONFIG_HOME: `${home}/config`, HELM_DATA_HOME: `${home}/data` };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  return { ...process.env, ...dirs };
}

export interface HelmResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs helm from the repository root; never throws for a non-zero exit (the checks read it). */
export function runHelm(args: string[]): HelmResult {
  try {
    const stdout = execFileSync(helmBinary(), args, { cwd: repoPath(), env: helmEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 2 ** 20 });
    return { status: 0, stdout, stderr: '' };
  } catch (error) {
    const e = error as { status?: number; stdout?: string; stderr?: string; message: string };
    if (e.status === undefined || e.status === null) throw error;
    return { status: e.status, stdout: e.stdout ?? '', stderr: e.stderr ?? e.message };
  }
}

/** `helm template` of the chart with values files and values (strings with --set-string, booleans with --set); throws with helm's message when it fails. */
export function helmTemplate({ valuesFiles = [], set = {}, extraArgs = [] }: { valuesFiles?: string[]; set?: Record<string, string | boolean>; extraArgs?: string[] } = {}): string {
  const args = ['template', RELEASE, CHART_DIR, '--namespace', NAMESPACE, '--kube-version', declaredKubeVersion()];
  for (const file of valuesFiles) args.push('--values', file);
  for (const [key, value] of Object.entries(set)) args.push(typeof value === 'boolean' ? '--set' : '--set-string', `${key}=${String(value)}`);
  const result = runHelm([...args, ...extraArgs]);
  if (result.status !== 0) throw new Error(`helm ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

export interface RenderedDocument {
  /** The chart template it came from, e.g. templates/apps/auth-api.yaml. */
  template: string;
  text: string;
}

/** helm template's output split into its documents, each with the `# Source:` line helm adds taken off. */
export function splitHelmOutput(output: string): RenderedDocument[] {
  return output
    .split(/^---\s*$/m)
    .map((chunk) => chunk.replace(/^\n+/, ''))
    .filter((chunk) => chunk.trim() !== '')
    .map((chunk) => {
      const source = /^# Source: [^/]+\/(.+)\n/.exec(chunk);
      if (!source) throw new Error(`a document of helm's output has no "# Source:" line:\n${chunk.slice(0, 200)}`);
      return { template: source[1] as string, text: chunk.slice(source[0].length) };
    });
}
