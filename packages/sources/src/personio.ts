import { z } from 'zod';
import { atsPosting, arrangementFromText, boardBase } from './ats-common';
import { companyName, joinUrl, parseBoard, parseItems } from './parse';
import type { NormalizedPosting } from './posting';
import type { FetchContext, SourceAdapter, SourceDefinition } from './types';
import { parseXml } from './xml';

// GET https://{company}.jobs.personio.de/xml?language=en (Personio's public XML feed): every
// published position in one document (no paging).
const text = z.string().nullish();
const positionSchema = z.object({
  id: z.string().min(1),
  subcompany: text,
  office: text,
  additionalOffices: z.object({ office: z.array(z.string()).nullish() }).or(z.literal('')).nullish(),
  department: text,
  recruitingCategory: text,
  name: z.string().min(1),
  jobDescriptions: z
    .object({ jobDescription: z.array(z.object({ name: text, value: text })).nullish() })
    .or(z.literal(''))
    .nullish(),
  employmentType: text,
  schedule: text,
  createdAt: text,
});
const feedSchema = z.object({
  'workzag-jobs': z.object({ position: z.array(z.unknown()).nullish() }).or(z.literal('')),
});

/** Elements that repeat in the feed: arrays even when one is present. */
const REPEATED = ['workzag-jobs.position', 'workzag-jobs.position.additionalOffices.office', 'workzag-jobs.position.jobDescriptions.jobDescription'];

export function parsePersonioFeed(xml: string, source: Pick<SourceDefinition, 'companyName' | 'identifier'>, baseUrl: string, onInvalid?: (d: string) => void): NormalizedPosting[] {
  const feed = parseBoard('personio', feedSchema, parseXml('personio', xml, REPEATED));
  const root = feed['workzag-jobs'];
  const positions = root === '' ? [] : (root.position ?? []);
  return parseItems('personio', positionSchema, positions, onInvalid)
    .map((p) => {
      const offices = [p.office, ...(p.additionalOffices ? (p.additionalOffices.office ?? []) : [])];
      const sections = p.jobDescriptions ? (p.jobDescriptions.jobDescription ?? []) : [];
      // The feed has no remote field: an office named "Remote" is the company saying so.
      const remoteOffice = offices.some((o) => arrangementFromText(o) === 'remote');
      return atsPosting({
        sourceId: p.id,
        url: joinUrl(baseUrl, 'job', p.id).toString(),
        title: p.name,
        company: companyName(source, p.subcompany),
        locations: offices.filter((o) => arrangementFromText(o) !== 'remote'),
        arrangement: remoteOffice ? 'remote' : null,
        department: p.department ?? null,
        team: p.recruitingCategory ?? null,
        // "permanent" + "full-time": the schedule says more than the contract kind.
        employmentType: [p.schedule, p.employmentType].filter(Boolean).join(' ') || null,
        postedAt: p.createdAt ?? null,
        descriptionHtml: sections.map((s) => `${s.name ? `<h3>${s.name}</h3>` : ''}${s.value ?? ''}`).join('') || null,
      });
    })
    .filter((p): p is NonNullable<typeof p> => p !== null);
}

export function personioAdapter(baseTemplate: string): SourceAdapter {
  return {
    type: 'personio',
    async fetch(source: SourceDefinition, { http, signal, logger }: FetchContext) {
      const base = boardBase(baseTemplate, source.identifier);
      const url = joinUrl(base, 'xml');
      url.searchParams.set('language', 'en');
      const xml = await http.getText(url.toString(), { signal, headers: { accept: 'application/xml, text/xml' } });
      return parsePersonioFeed(xml, source, base, (d) => logger.warn(d));
    },
  };
}
