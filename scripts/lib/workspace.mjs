import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths.mjs';

/**
 * The `group/*` folders pnpm-workspace.yaml lists under `packages:` (apps/*, packages/*,
 * tools/*…). Read by hand so the bootstrap scripts stay dependency-free: only that one
 * list shape is understood, which is the only one this repository uses.
 */
export function workspaceGroups() {
  const text = readFileSync(path.join(ROOT, 'pnpm-workspace.yaml'), 'utf8');
  const groups = [];
  let inPackages = false;
  for (const line of text.split('\n')) {
    if (/^\S/.test(line)) inPackages = /^packages:\s*$/.test(line);
    const item = inPackages && line.match(/^\s+-\s+['"]?([\w.-]+)\/\*['"]?\s*$/);
    if (item) groups.push(item[1]);
  }
  return groups;
}

/** The workspace's apps, packages and tools with their package.json. */
export function listWorkspaces() {
  const found = [];
  for (const group of workspaceGroups()) {
    const dir = path.join(ROOT, group);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const manifest = path.join(dir, name, 'package.json');
      if (!existsSync(manifest)) continue;
      found.push({ group, dir: path.join(dir, name), manifest: JSON.parse(readFileSync(manifest, 'utf8')) });
    }
  }
  return found;
}
