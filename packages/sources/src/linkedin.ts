import type { Browser, Page } from 'playwright-core';
import { parsePayText } from '@jobping/contracts';
import { z } from 'zod';
import { canonicalUrl, toPosting, type NormalizedPosting } from './posting';
import { launchChromium } from './chromium';
import { joinUrl, parseItems } from './parse';
import type { FetchContext, SourceAdapter, SourceDefinition } from './types';

export interface LinkedInOptions {
  /** Origin of the guest pages (LINKEDIN_BASE_URL); tests point it at a loopback server. */
  baseUrl: string;
  chromiumPath: string;
  /** Chromium's own sandbox (SCRAPE_CHROMIUM_SANDBOX; see ChromiumSettings). */
  sandbox: boolean;
  /** Job pages opened per search for the full description. */
  detailLimit: number;
  userAgent: string;
  /** Time per navigation (default 30 s). */
  navigationTimeoutMs?: number;
}

// What the browser reads off one result card; validated like any other board answer.
const cardSchema = z.object({
  jobId: z.string().regex(/^\d+$/),
  href: z.string().min(1),
  title: z.string().min(1),
  company: z.string().min(1),
  location: z.string().nullish(),
  postedAt: z.string().nullish(),
  salary: z.string().nullish(),
});
type Card = z.infer<typeof cardSchema>;

const detailSchema = z.object({
  html: z.string().nullish(),
  criteria: z.array(z.object({ name: z.string(), value: z.string() })),
});

// The DOM as the page functions see it (this package compiles without the DOM lib).
interface DomNode {
  textContent: string | null;
  innerHTML: string;
  href?: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomNode | null;
  querySelectorAll(selector: string): ArrayLike<DomNode>;
}

async function readCards(page: Page): Promise<unknown[]> {
  return page.$$eval('.jobs-search__results-list > li', (elements) =>
    (elements as unknown as DomNode[]).map((li) => {
      const text = (selector: string) => li.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
      const urn = li.querySelector('[data-entity-urn]')?.getAttribute('data-entity-urn') ?? '';
      const link = li.querySelector('a.base-card__full-link') ?? li.querySelector('a[href*="/jobs/view/"]');
      return {
        jobId: urn.split(':').pop() ?? '',
        href: link?.href ?? '',
        title: text('.base-search-card__title'),
        company: text('.base-search-card__subtitle'),
        location: text('.job-search-card__location'),
        postedAt: li.querySelector('time')?.getAttribute('datetime') ?? null,
        salary: text('.job-search-card__salary-info'),
      };
    }),
  );
}

async function readDetail(page: Page): Promise<unknown> {
  return page.$eval('body', (element) => {
    const body = element as unknown as DomNode;
    return {
      html: (body.querySelector('.show-more-less-html__markup') ?? body.querySelector('.description__text'))?.innerHTML ?? null,
      criteria: Array.from(body.querySelectorAll('.description__job-criteria-item')).map((item) => ({
        name: item.querySelector('.description__job-criteria-subheader')?.textContent?.trim() ?? '',
        value: item.querySelector('.description__job-criteria-text')?.textContent?.trim() ?? '',
      })),
    };
  });
}

function sameSite(url: string, base: URL): boolean {
  try {
    const host = new URL(url).hostname;
    return host === base.hostname || host.endsWith('.linkedin.com');
  } catch {
    return false;
  }
}

/**
 * LinkedIn's public guest job search (no login), driven in headless Chromium with Playwright:
 * one results page per search term (`/jobs/search?keywords=&location=&f_TPR=`), then up to
 * `detailLimit` job pages for the description and criteria. LinkedIn rate-limits guests per
 * IP (JobSpy notes ~10 pages): keep searches few; failures are the source's, not the run's.
 */
export function linkedInAdapter(options: LinkedInOptions): SourceAdapter {
  const base = new URL(options.baseUrl);
  const timeout = options.navigationTimeoutMs ?? 30_000;
  return {
    type: 'linkedin',
    searchesServerSide: true,
    async fetch(source: SourceDefinition, { signal, logger, since, limit }: FetchContext) {
      signal.throwIfAborted();
      let browser: Browser | undefined;
      const onAbort = () => void browser?.close().catch(() => undefined);
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        browser = await launchChromium({ executablePath: options.chromiumPath, sandbox: options.sandbox, timeoutMs: timeout });
        const context = await browser.newContext({ userAgent: options.userAgent, javaScriptEnabled: true });
        context.setDefaultTimeout(timeout);
        const page = await context.newPage();
        const cards = new Map<string, Card>();
        const terms = source.searchTerms.length > 0 ? source.searchTerms : [source.identifier];
        for (const term of terms) {
          const url = joinUrl(base.toString(), 'jobs', 'search');
          url.searchParams.set('keywords', term);
          if (source.location) url.searchParams.set('location', source.location);
          // f_TPR=r<seconds>: posted within that time (scheduled runs); a week otherwise.
          const seconds = since ? Math.max(3600, Math.ceil((Date.now() - since.getTime()) / 1000)) : 86_400 * 7;
          url.searchParams.set('f_TPR', `r${seconds}`);
          const response = await page.goto(url.toString(), { waitUntil: 'domcontentloaded' });
          if (response && !response.ok()) throw new Error(`LinkedIn search answered ${response.status()}`);
          const valid = parseItems('linkedin', cardSchema, await readCards(page), (d) => logger.debug(d));
          for (const card of valid) if (!cards.has(card.jobId) && cards.size < limit) cards.set(card.jobId, card);
        }

        const postings: NormalizedPosting[] = [];
        let details = 0;
        for (const card of cards.values()) {
          signal.throwIfAborted();
          let html: string | null = null;
          let employmentType: string | null = null;
          // A job page's id is in its path; the query only tracks the click.
          const href = canonicalUrl(card.href.split(/[?#]/)[0] ?? card.href, base.toString());
          if (href && details < options.detailLimit && sameSite(href, base)) {
            details += 1;
            try {
              const response = await page.goto(href, { waitUntil: 'domcontentloaded' });
              if (response?.ok()) {
                const detail = detailSchema.safeParse(await readDetail(page));
                if (detail.success) {
                  html = detail.data.html ?? null;
                  employmentType = detail.data.criteria.find((c) => /employment type/i.test(c.name))?.value ?? null;
                }
              }
            } catch (error) {
              logger.warn('linkedin job page unavailable; keeping the card only', { job_id: card.jobId, error: String(error) });
            }
          }
          const salary = parsePayText(card.salary);
          const posting = toPosting({
            sourceId: card.jobId,
            salaryMin: salary?.min ?? null,
            salaryMax: salary?.max ?? null,
            salaryCurrency: salary?.currency ?? null,
            salaryPeriod: salary?.period ?? null,
            url: href ?? card.href,
            title: card.title,
            company: card.company,
            location: card.location ?? null,
            employmentType,
            postedAt: card.postedAt ?? null,
            descriptionHtml: html,
          });
          if (posting) postings.push(posting);
        }
        return postings;
      } finally {
        signal.removeEventListener('abort', onAbort);
        await browser?.close().catch(() => undefined);
      }
    },
  };
}
