import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The repository root (this package is tools/deploy-check). */
export const ROOT = path.resolve(__dirname, '../../..');

export const repoPath = (...parts: string[]) => path.join(ROOT, ...parts);

export const readRepoFile = (...parts: string[]) => readFileSync(repoPath(...parts), 'utf8');

export interface AppManifest {
  name: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  jobping?: { url?: string; needs?: string[] };
}

export interface App {
  /** Folder name under apps/, also its Deployment, compose service and image name. */
  name: string;
  manifest: AppManifest;
}

/** Every app of the repository, from the apps/ folder: a new app is checked without listing it anywhere. */
export function listApps(): App[] {
  return readdirSync(repoPath('apps'))
    .filter((name) => existsSync(repoPath('apps', name, 'package.json')))
    .sort()
    .map((name) => ({ name, manifest: JSON.parse(readRepoFile('apps', name, 'package.json')) as AppManifest }));
}

/**
 * What the deployment files must run: every app under apps/, and web, which the issue
 * specifies and which lands from its own branch (apps/web) — checked before it arrives.
 */
export function deployedAppNames(): string[] {
  return [...new Set([...listApps().map((app) => app.name), 'web'])].sort();
}

/** Stage apps run on @jobping/stream-worker and consume one stream. */
export const isStreamWorker = (app: App) => Boolean(app.manifest.dependencies?.['@jobping/stream-worker']);

/** The HTTP APIs behind the Ingress, by naming convention (auth-api, jobs-api). */
export const isHttpApi = (app: App) => app.name.endsWith('-api');

/** The overlays under k8s/overlays, each deployable with `kubectl apply -k`. */
export function listOverlays(): string[] {
  return readdirSync(repoPath('k8s', 'overlays'))
    .filter((name) => existsSync(repoPath('k8s', 'overlays', name, 'kustomization.yaml')))
    .sort();
}
