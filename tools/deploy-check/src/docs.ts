import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { readRepoFile, repoPath } from './repo';

/**
 * The README and docs/ as a reader follows them: their relative links and the headings those
 * links point at. The README is the front door, so it is kept short; the rest lives in docs/.
 */
export const README = 'README.md';
export const README_MAX_LINES = 200;

/** README.md and every page under docs/, as repository paths. */
export function docPages(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(repoPath(dir), { withFileTypes: true }).flatMap((entry) => {
      const child = `${dir}/${entry.name}`;
      if (entry.isDirectory()) return walk(child);
      return entry.name.endsWith('.md') ? [child] : [];
    });
  return [README, ...(existsSync(repoPath('docs')) ? walk('docs') : [])];
}

/** Markdown without fenced code blocks and inline code, where a `[x](y)` is no link. */
function proseOf(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's heading anchors: the heading's text, lower-cased, without punctuation, spaces as dashes; repeats get -1, -2… */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const withoutFences = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const match of withoutFences.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const text = (match[1] ?? '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[`*_]/g, (char) => (char === '_' ? '_' : ''));
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  for (const match of markdown.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(match[1] ?? '');
  return anchors;
}

export interface BrokenLink {
  page: string;
  target: string;
  reason: string;
}

/** Every relative link of `page` that names a missing file, or a heading its target page does not have. */
export function brokenLinks(page: string): BrokenLink[] {
  const text = readRepoFile(page);
  const broken: BrokenLink[] = [];
  for (const match of proseOf(text).matchAll(/\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    const target = match[1] ?? '';
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: …: not ours to check
    const [file = '', anchor] = target.split('#');
    const resolved = file === '' ? page : path.posix.normalize(path.posix.join(path.posix.dirname(page), decodeURIComponent(file)));
    if (resolved.startsWith('..')) {
      broken.push({ page, target, reason: 'points outside the repository' });
      continue;
    }
    if (!existsSync(repoPath(resolved))) {
      broken.push({ page, target, reason: `${resolved} does not exist` });
      continue;
    }
    if (anchor && resolved.endsWith('.md') && statSync(repoPath(resolved)).isFile() && !headingAnchors(readRepoFile(resolved)).has(anchor)) {
      broken.push({ page, target, reason: `${resolved} has no heading #${anchor}` });
    }
  }
  return broken;
}

/**
 * Pointers out of the repository: the team's spec and notes were once kept beside it, and a
 * comment that cites them sends a newcomer nowhere. docs/ holds what they said.
 */
export const OUTSIDE_POINTER = /\.\.\/shared\/|\bSPEC(?:\.md|\s§)|FIELD-NOTES|STYLE-ANCHORS|ENVIRONMENT\.md|\/work\//;

/** What the pointer check reads: deploy-check's test inputs (turbo.json), where the code and its comments live. */
export const POINTER_CHECKED = [
  'README.md',
  'docs',
  'apps/*/src',
  'packages/*/src',
  'tools/deploy-check/src',
  'charts',
  'k8s',
  'docker',
  'scripts',
  'prisma/schema.prisma',
  'docker-compose.yml',
  '.env.example',
  'pnpm-workspace.yaml',
];

/** This module names the pointers it looks for. */
const SELF = 'tools/deploy-check/src/docs.ts';
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.test-results', '.turbo', 'generated']);
const TEXT_FILE = /\.(ts|tsx|mts|cts|js|mjs|cjs|json|ya?ml|md|prisma|tpl|template|conf|txt|sh|Dockerfile)$|^\.env\.example$/;

function filesUnder(entry: string): string[] {
  const star = entry.indexOf('*');
  if (star !== -1) {
    const parent = entry.slice(0, star - 1);
    const rest = entry.slice(star + 1);
    return existsSync(repoPath(parent)) ? readdirSync(repoPath(parent)).flatMap((name) => filesUnder(`${parent}/${name}${rest}`)) : [];
  }
  const full = repoPath(entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return TEXT_FILE.test(path.basename(entry)) && entry !== SELF ? [entry] : [];
  return readdirSync(full)
    .filter((name) => !SKIPPED_DIRS.has(name))
    .flatMap((name) => filesUnder(`${entry}/${name}`));
}

/** `path:line: text` of every line in the checked files that points outside the repository. */
export function outsidePointers(): string[] {
  return POINTER_CHECKED.flatMap(filesUnder).flatMap((file) =>
    readRepoFile(file)
      .split('\n')
      .flatMap((line, index) => (OUTSIDE_POINTER.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
  );
}
