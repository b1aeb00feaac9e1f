import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The repository root (this package is tools/workspace-check). */
export const ROOT = path.resolve(__dirname, '../../..');

export interface Manifest {
  name: string;
  private?: boolean;
  bin?: string | Record<string, string>;
  exports?: Record<string, unknown>;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

export interface Workspace {
  /** `apps`, `packages` or `tools`. */
  kind: 'apps' | 'packages' | 'tools';
  /** Folder relative to the root, e.g. `apps/notifier`. */
  dir: string;
  manifest: Manifest;
}

/** Every workspace of pnpm-workspace.yaml (apps/*, packages/*, tools/*), from the folders. */
export function listWorkspaces(): Workspace[] {
  return (['apps', 'packages', 'tools'] as const).flatMap((kind) =>
    readdirSync(path.join(ROOT, kind))
      .filter((name) => existsSync(path.join(ROOT, kind, name, 'package.json')))
      .sort()
      .map((name) => ({
        kind,
        dir: `${kind}/${name}`,
        manifest: JSON.parse(readFileSync(path.join(ROOT, kind, name, 'package.json'), 'utf8')) as Manifest,
      })),
  );
}

const SKIPPED = new Set(['node_modules', 'dist', '.turbo', '.test-results', 'coverage']);

/** Source files (.ts, .tsx, .mjs, .js) under `dir` (relative to the root), without builds and dependencies; generated code only when asked. */
export function sourceFiles(dir: string, { generated = false } = {}): string[] {
  const absolute = path.join(ROOT, dir);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute).flatMap((entry) => {
    if (SKIPPED.has(entry) || (entry === 'generated' && !generated)) return [];
    const relative = `${dir}/${entry}`;
    if (statSync(path.join(ROOT, relative)).isDirectory()) return sourceFiles(relative, { generated });
    return /\.(ts|tsx|mjs|cjs|js)$/.test(entry) && !entry.endsWith('.d.ts') ? [relative] : [];
  });
}

export const readRepoFile = (relative: string) => readFileSync(path.join(ROOT, relative), 'utf8');

export const isApp = (name: string, workspaces: Workspace[]) => workspaces.some((w) => w.kind === 'apps' && w.manifest.name === name);

/** Every package a workspace needs at run time: its dependencies, and theirs through other workspaces. */
export function productionClosure(name: string, workspaces: Workspace[]): Set<string> {
  const byName = new Map(workspaces.map((w) => [w.manifest.name, w]));
  const seen = new Set<string>();
  const visit = (pkg: string) => {
    for (const dep of Object.keys(byName.get(pkg)?.manifest.dependencies ?? {})) {
      if (seen.has(dep)) continue;
      seen.add(dep);
      visit(dep);
    }
  };
  visit(name);
  return seen;
}
