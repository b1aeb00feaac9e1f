import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths.mjs';

/** The workspace's apps and packages with their package.json. */
export function listWorkspaces() {
  const found = [];
  for (const group of ['apps', 'packages']) {
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
