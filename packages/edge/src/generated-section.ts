/**
 * Files that cannot import our code (an nginx template, a YAML manifest) carry generated
 * sections between two marker comments. `pnpm routes:write` rewrites them; deploy-check
 * fails when a committed section differs from a fresh render.
 */
const begin = (name: string) => `# BEGIN generated: ${name}`;
const end = (name: string) => `# END generated: ${name}`;

/** `text` with the lines between the markers of section `name` replaced, indented like the BEGIN marker. */
export function replaceGeneratedSection(text: string, name: string, lines: readonly string[], { what = 'this file' } = {}): string {
  const all = text.split('\n');
  const from = all.findIndex((line) => line.trim().startsWith(begin(name)));
  const to = all.findIndex((line, index) => index > from && line.trim() === end(name));
  if (from === -1 || to === -1) throw new Error(`${what} has no "${begin(name)}" … "${end(name)}" section; add the two marker lines where the section belongs`);
  const indent = /^\s*/.exec(all[from] ?? '')?.[0] ?? '';
  return [...all.slice(0, from + 1), ...lines.map((line) => (line ? `${indent}${line}` : '')), ...all.slice(to)].join('\n');
}
