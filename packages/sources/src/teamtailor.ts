import { z } from 'zod';
import { atsPosting, arrangementFromText, boardBase, place } from './ats-common';
import { companyName, joinUrl, parseBoard, parseItems } from './parse';
import type { NormalizedPosting } from './posting';
import type { FetchContext, SourceAdapter, SourceDefinition } from './types';
import { parseXml } from './xml';

// GET https://{company}.teamtailor.com/jobs.rss (the career site's public RSS feed; Teamtailor's
// JSON API needs a customer's key): every published job in one feed (no paging).
const text = z.string().nullish();
const itemSchema = z.object({
  title: z.string().min(1),
  description: text,
  pubDate: text,
  link: z.string().min(1),
  guid: text,
  remoteStatus: text,
  'tt:department': text,
  'tt:role': text,
  'tt:locations': z
    .object({ 'tt:location': z.array(z.object({ 'tt:name': text, 'tt:city': text, 'tt:country': text })).nullish() })
    .or(z.literal(''))
    .nullish(),
});
const feedSchema = z.object({
  rss: z.object({ channel: z.object({ title: text, item: z.array(z.unknown()).nullish() }) }),
});

const REPEATED = ['rss.channel.item', 'rss.channel.item.tt:locations.tt:location'];

/** "Jobs at Solvik Energi" → "Solvik Energi"; the feed's title is the only place naming the company. */
const companyFromTitle = (title: string | null | undefined) => title?.replace(/^\s*(?:jobs|careers|open positions)\s+(?:at|@)\s+/i, '').trim() || null;

/** The job's number in its link (`/jobs/5120344-battery-…`): stable when the title changes. */
const jobId = (link: string, guid: string | null | undefined) => /\/jobs\/(\d+)/.exec(link)?.[1] ?? guid ?? link;

export function parseTeamtailorFeed(xml: string, source: Pick<SourceDefinition, 'companyName' | 'identifier'>, onInvalid?: (d: string) => void): NormalizedPosting[] {
  const { channel } = parseBoard('teamtailor', feedSchema, parseXml('teamtailor', xml, REPEATED)).rss;
  const company = companyName(source, companyFromTitle(channel.title));
  return parseItems('teamtailor', itemSchema, channel.item ?? [], onInvalid)
    .map((item) => {
      const locations = item['tt:locations'] ? (item['tt:locations']['tt:location'] ?? []) : [];
      return atsPosting({
        sourceId: jobId(item.link, item.guid),
        url: item.link,
        title: item.title,
        company,
        locations: locations.map((l) => place(l['tt:city'], l['tt:country']) ?? l['tt:name']),
        // remoteStatus: none (on-site), hybrid, temporarily or fully (remote).
        arrangement: arrangementFromText(item.remoteStatus),
        department: item['tt:department'] ?? null,
        team: item['tt:role'] ?? null,
        postedAt: item.pubDate ?? null,
        descriptionHtml: item.description ?? null,
      });
    })
    .filter((p): p is NonNullable<typeof p> => p !== null);
}

export function teamtailorAdapter(baseTemplate: string): SourceAdapter {
  return {
    type: 'teamtailor',
    async fetch(source: SourceDefinition, { http, signal, logger }: FetchContext) {
      const url = joinUrl(boardBase(baseTemplate, source.identifier), 'jobs.rss');
      const xml = await http.getText(url.toString(), { signal, headers: { accept: 'application/rss+xml, application/xml' } });
      return parseTeamtailorFeed(xml, source, (d) => logger.warn(d));
    },
  };
}
