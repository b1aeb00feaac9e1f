import type { JobSourceType } from '@jobping/contracts';

/** A board recognised from a URL: the source type and the identifier its adapter reads. */
export interface BoardRef {
  type: JobSourceType;
  identifier: string;
}

/** One DNS label: what a subdomain identifier may be. */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
/** Board tokens, site names and slugs as they appear in URL paths. */
const SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** Subdomains of an ATS's domain that are its own pages, never a company's. */
const NOT_A_COMPANY = new Set(['www', 'app', 'api', 'help', 'support', 'status', 'blog', 'career', 'careers', 'jobs', 'assets', 'cdn', 'static', 'docs', 'developers', 'marketplace']);

const segments = (url: URL) =>
  url.pathname
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });

const slug = (value: string | undefined | null): string | null => (value && SLUG.test(value) ? value : null);

/** The company's subdomain of `domain` (acme of acme.recruitee.com), or null. */
function subdomainOf(host: string, domain: string): string | null {
  if (!host.endsWith(`.${domain}`)) return null;
  const label = host.slice(0, -domain.length - 1);
  return LABEL.test(label) && !NOT_A_COMPANY.has(label) ? label : null;
}

type Rule = (url: URL, host: string, path: string[]) => BoardRef | null;

/**
 * The known addresses of every supported ATS: careers pages, job pages, embeds and the public
 * APIs themselves. Each rule returns the board or null; the first match wins.
 */
const RULES: Rule[] = [
  // Greenhouse: boards.greenhouse.io/{token}[/jobs/{id}], job-boards(.eu).greenhouse.io/{token},
  // embeds (…/embed/job_board?for={token}) and the API (boards-api.greenhouse.io/v1/boards/{token}).
  (url, host, path) => {
    if (!/^(?:boards|job-boards)(?:\.eu)?\.greenhouse\.io$|^boards-api\.greenhouse\.io$|^api\.greenhouse\.io$/.test(host)) return null;
    const embedded = slug(url.searchParams.get('for'));
    if (path[0] === 'embed') return embedded ? { type: 'greenhouse', identifier: embedded } : null;
    const token = path[0] === 'v1' && path[1] === 'boards' ? slug(path[2]) : slug(path[0]);
    return token ? { type: 'greenhouse', identifier: token } : null;
  },
  // Lever: jobs(.eu).lever.co/{site}[/{id}], api(.eu).lever.co/v0/postings/{site}.
  (_url, host, path) => {
    if (/^jobs(?:\.eu)?\.lever\.co$/.test(host)) return slug(path[0]) ? { type: 'lever', identifier: path[0] as string } : null;
    if (/^api(?:\.eu)?\.lever\.co$/.test(host) && path[0] === 'v0' && path[1] === 'postings' && slug(path[2])) return { type: 'lever', identifier: path[2] as string };
    return null;
  },
  // Ashby: jobs.ashbyhq.com/{board}[/{id}], api.ashbyhq.com/posting-api/job-board/{board}.
  (_url, host, path) => {
    if (host === 'jobs.ashbyhq.com' && slug(path[0]) && path[0] !== 'api') return { type: 'ashby', identifier: path[0] as string };
    if (host === 'api.ashbyhq.com' && path[0] === 'posting-api' && path[1] === 'job-board' && slug(path[2])) return { type: 'ashby', identifier: path[2] as string };
    return null;
  },
  // Workable: apply.workable.com/{account}[/j/{code}], its widget API, and older {account}.workable.com.
  (_url, host, path) => {
    if (host === 'apply.workable.com') {
      if (path[0] === 'api') {
        const at = path.indexOf('accounts');
        return at >= 0 && slug(path[at + 1]) ? { type: 'workable', identifier: path[at + 1] as string } : null;
      }
      // apply.workable.com/j/{code} names the job, not the account: the page must be read.
      return slug(path[0]) && path[0] !== 'j' ? { type: 'workable', identifier: path[0] as string } : null;
    }
    const account = subdomainOf(host, 'workable.com');
    return account && account !== 'apply' ? { type: 'workable', identifier: account } : null;
  },
  // SmartRecruiters: jobs.smartrecruiters.com/{company}[/{id}-…], careers.smartrecruiters.com/{company},
  // api.smartrecruiters.com/v1/companies/{company}.
  (_url, host, path) => {
    if (/^(?:jobs|careers)\.smartrecruiters\.com$/.test(host) && slug(path[0])) return { type: 'smartrecruiters', identifier: path[0] as string };
    if (host === 'api.smartrecruiters.com' && path[0] === 'v1' && path[1] === 'companies' && slug(path[2])) return { type: 'smartrecruiters', identifier: path[2] as string };
    return null;
  },
  (_url, host) => {
    const company = subdomainOf(host, 'recruitee.com');
    return company ? { type: 'recruitee', identifier: company } : null;
  },
  (_url, host) => {
    const company = subdomainOf(host, 'jobs.personio.de') ?? subdomainOf(host, 'jobs.personio.com');
    return company ? { type: 'personio', identifier: company } : null;
  },
  (_url, host) => {
    const company = subdomainOf(host, 'teamtailor.com');
    return company ? { type: 'teamtailor', identifier: company } : null;
  },
  (_url, host) => {
    const company = subdomainOf(host, 'bamboohr.com');
    return company ? { type: 'bamboohr', identifier: company } : null;
  },
  // JOIN: join.com/companies/{company}[/{id}-…].
  (_url, host, path) => (/^(?:www\.)?join\.com$/.test(host) && path[0] === 'companies' && slug(path[1]) ? { type: 'join', identifier: path[1] as string } : null),
  // Workday: {tenant}.wd{N}.myworkdayjobs.com/[{locale}/]{site}[/job/…], or its API /wday/cxs/{tenant}/{site}.
  (_url, host, path) => {
    const match = /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)\.(wd\d{1,3})\.myworkdayjobs\.com$/.exec(host);
    if (!match) return null;
    const rest = path[0] === 'wday' && path[1] === 'cxs' ? path.slice(3) : /^[a-z]{2}(?:-[A-Za-z]{2})?$/.test(path[0] ?? '') ? path.slice(1) : path;
    const site = rest[0];
    return site && /^[A-Za-z0-9_-]+$/.test(site) && site !== 'job' ? { type: 'workday', identifier: `${match[1]}.${match[2]}/${site}` } : null;
  },
];

/** The board a URL belongs to, from its address alone; null when the address is not an ATS's. */
export function boardFromUrl(input: string | URL): BoardRef | null {
  let url: URL;
  try {
    url = typeof input === 'string' ? new URL(input) : input;
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const path = segments(url);
  for (const rule of RULES) {
    const board = rule(url, host, path);
    if (board) return board;
  }
  return null;
}

/** Every ATS host name a page may mention, for finding candidate URLs in its HTML. */
const ATS_HOSTS =
  /(?:boards|job-boards|boards-api)(?:\.eu)?\.greenhouse\.io|(?:jobs|api)(?:\.eu)?\.lever\.co|(?:jobs|api)\.ashbyhq\.com|[a-z0-9-]+\.workable\.com|(?:jobs|careers|api)\.smartrecruiters\.com|[a-z0-9-]+\.recruitee\.com|[a-z0-9-]+\.jobs\.personio\.(?:de|com)|[a-z0-9-]+\.teamtailor\.com|[a-z0-9-]+\.bamboohr\.com|(?:www\.)?join\.com|[a-z0-9-]+\.wd\d{1,3}\.myworkdayjobs\.com/;

/**
 * The boards a careers page points at: links, iframes, embed scripts and inline script text
 * naming an ATS address (`https://…`, `//…` or a bare host), counted. The page is untrusted:
 * only addresses are read from it, and each must pass `boardFromUrl`.
 */
export function boardsInPage(html: string): { board: BoardRef; mentions: number }[] {
  const found = new Map<string, { board: BoardRef; mentions: number }>();
  // JSON inside scripts escapes slashes ("https:\/\/jobs.lever.co\/acme").
  const text = html.replace(/\\\//g, '/').replace(/&amp;/g, '&');
  const pattern = new RegExp(`(?:https?:)?//(?:${ATS_HOSTS.source})(?::\\d+)?[^\\s"'<>()\\\\]*`, 'gi');
  for (const match of text.matchAll(pattern)) {
    const raw = match[0].startsWith('//') ? `https:${match[0]}` : match[0];
    const board = boardFromUrl(raw);
    if (!board) continue;
    const key = `${board.type}:${board.identifier.toLowerCase()}`;
    const entry = found.get(key);
    if (entry) entry.mentions += 1;
    else found.set(key, { board, mentions: 1 });
  }
  return [...found.values()].sort((a, b) => b.mentions - a.mentions);
}
