import { decodeHTML } from 'entities';

/** The bodies of `<script>` elements whose opening tag matches `attributes`. */
function scripts(html: string, attributes: RegExp): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (attributes.test(match[1] ?? '')) found.push(match[2] ?? '');
  }
  return found;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A Next.js page's embedded state (`<script id="__NEXT_DATA__">`), or undefined. */
export function nextData(html: string): unknown {
  const [body] = scripts(html, /\bid\s*=\s*["']__NEXT_DATA__["']/i);
  return body === undefined ? undefined : parseJson(body);
}

/** The schema.org JobPosting objects of a page's JSON-LD (`@graph` and arrays included). */
export function jsonLdJobPostings(html: string): Record<string, unknown>[] {
  const postings: Record<string, unknown>[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const type = record['@type'];
    if (type === 'JobPosting' || (Array.isArray(type) && type.includes('JobPosting'))) postings.push(record);
    if (record['@graph']) visit(record['@graph']);
  };
  for (const body of scripts(html, /\btype\s*=\s*["']application\/ld\+json["']/i)) visit(parseJson(body));
  return postings;
}

/** JSON-LD descriptions are often entity-escaped HTML (`&lt;p&gt;`): decoded once when they are. */
export function jsonLdHtml(value: unknown): string | null {
  if (typeof value !== 'string' || !value.trim()) return null;
  return /&lt;[a-z/]/i.test(value) && !/<[a-z/]/i.test(value) ? decodeHTML(value) : value;
}
