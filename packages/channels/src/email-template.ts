import { DIGEST_TITLES, digestMatchLine, digestSummary } from './digest';
import { summarizeMatch } from './match-text';
import { TEST_MESSAGE, type Notice } from './notice';

/**
 * The one e-mail template: a list of blocks, rendered once as text and once as HTML, so the
 * two parts can never say different things. Every value from a job posting or the model is
 * escaped in the HTML part; the only links are the job's URL and the unsubscribe URL.
 */
type Block =
  | { type: 'heading'; text: string; href?: string }
  | { type: 'facts'; items: { label: string; value: string }[] }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; title: string; items: string[] }
  | { type: 'link'; text: string; href: string }
  | { type: 'links'; title: string; items: { text: string; href: string }[]; more?: string }
  | { type: 'footer'; text: string; link?: { text: string; href: string } };

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** Only http(s) links are ever written into the HTML (a posting could carry `javascript:`). */
const safeHref = (href: string) => (/^https?:\/\//i.test(href) ? escapeHtml(href) : '#');

/** Subject lines are one line, without control characters (no header injection). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what we remove
const oneLine = (value: string) => value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, 200);

function blocksOf(notice: Notice, unsubscribeUrl: string | undefined): { subject: string; blocks: Block[] } {
  const footer: Block = unsubscribeUrl
    ? { type: 'footer', text: 'You get this because you added an e-mail channel to JobPing.', link: { text: 'Turn off these e-mails', href: unsubscribeUrl } }
    : { type: 'footer', text: 'You get this because you added an e-mail channel to JobPing.' };
  if (notice.type === 'test') {
    return { subject: 'JobPing test message', blocks: [{ type: 'heading', text: 'JobPing test message' }, { type: 'paragraph', text: TEST_MESSAGE }, footer] };
  }
  if (notice.type === 'digest') {
    const d = notice.digest;
    const blocks: Block[] = [{ type: 'heading', text: DIGEST_TITLES[d.kind] }, { type: 'paragraph', text: `${digestSummary(d)}, best first.` }];
    for (const c of d.companies) {
      blocks.push({ type: 'links', title: c.company, items: c.matches.map((m) => ({ text: digestMatchLine(m), href: m.jobUrl })), ...(c.more > 0 ? { more: `+${c.more} more` } : {}) });
    }
    blocks.push(footer);
    return { subject: oneLine(`${DIGEST_TITLES[d.kind]}: ${digestSummary(d)}`), blocks };
  }
  const s = summarizeMatch(notice.match);
  const blocks: Block[] = [{ type: 'heading', text: s.title, href: s.url }, { type: 'facts', items: s.facts }, { type: 'paragraph', text: s.explanation }];
  if (s.pros.length) blocks.push({ type: 'list', title: 'Pros', items: s.pros });
  if (s.cons.length) blocks.push({ type: 'list', title: 'Cons', items: s.cons });
  blocks.push({ type: 'link', text: 'Open the job', href: s.url }, footer);
  return { subject: oneLine(`New match (${notice.match.score}/100): ${s.title}`), blocks };
}

function toText(blocks: Block[]): string {
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'heading':
          return b.text;
        case 'facts':
          return b.items.map((f) => `${f.label}: ${f.value}`).join('\n');
        case 'paragraph':
          return b.text;
        case 'list':
          return `${b.title}:\n${b.items.map((i) => `- ${i}`).join('\n')}`;
        case 'link':
          return `${b.text}: ${b.href}`;
        case 'links':
          return `${b.title}:\n${b.items.map((i) => `- ${i.text}\n  ${i.href}`).join('\n')}${b.more ? `\n${b.more}` : ''}`;
        case 'footer':
          return `--\n${b.text}${b.link ? `\n${b.link.text}: ${b.link.href}` : ''}`;
      }
    })
    .join('\n\n');
}

function toHtml(blocks: Block[], subject: string): string {
  const body = blocks
    .map((b) => {
      switch (b.type) {
        case 'heading':
          return b.href ? `<h1><a href="${safeHref(b.href)}">${escapeHtml(b.text)}</a></h1>` : `<h1>${escapeHtml(b.text)}</h1>`;
        case 'facts':
          return `<table>${b.items.map((f) => `<tr><th align="left">${escapeHtml(f.label)}</th><td>${escapeHtml(f.value)}</td></tr>`).join('')}</table>`;
        case 'paragraph':
          return `<p>${escapeHtml(b.text)}</p>`;
        case 'list':
          return `<h2>${escapeHtml(b.title)}</h2><ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
        case 'link':
          return `<p><a href="${safeHref(b.href)}">${escapeHtml(b.text)}</a></p>`;
        case 'links':
          return `<h2>${escapeHtml(b.title)}</h2><ul>${b.items.map((i) => `<li><a href="${safeHref(i.href)}">${escapeHtml(i.text)}</a></li>`).join('')}${b.more ? `<li>${escapeHtml(b.more)}</li>` : ''}</ul>`;
        case 'footer':
          return `<hr><p style="color:#666;font-size:12px">${escapeHtml(b.text)}${b.link ? ` <a href="${safeHref(b.link.href)}">${escapeHtml(b.link.text)}</a>` : ''}</p>`;
      }
    })
    .join('\n');
  return `<!doctype html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>\n${body}\n</body></html>\n`;
}

/** Subject, text part and HTML part of one notice. */
export function renderEmail(notice: Notice, options: { unsubscribeUrl?: string } = {}): RenderedEmail {
  const { subject, blocks } = blocksOf(notice, options.unsubscribeUrl);
  return { subject, text: toText(blocks), html: toHtml(blocks, subject) };
}
