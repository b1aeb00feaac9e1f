import { describe, expect, it } from '@jest/globals';
import {
  canonicalUrl,
  cleanText,
  htmlToText,
  normalizeEmploymentType,
  normalizePeriod,
  parseDate,
  repairMojibake,
  descriptionMarkup,
  workArrangementFrom,
  sanitizeDescription,
  toPosting,
} from '../src/posting';

describe('canonicalUrl', () => {
  it('removes tracking parameters and fragments, keeps identifying ones, sorts the rest', () => {
    expect(canonicalUrl('https://Boards.Greenhouse.io/acme/jobs/123/?gh_src=abc&utm_source=x&utm_campaign=y#apply')).toBe(
      'https://boards.greenhouse.io/acme/jobs/123',
    );
    expect(canonicalUrl('https://jobs.lever.co/acme/uuid?lever-source=LinkedIn&lever-origin=applied')).toBe('https://jobs.lever.co/acme/uuid');
    expect(canonicalUrl('https://acme.example/careers?gh_jid=42&b=2&a=1&fbclid=zzz')).toBe('https://acme.example/careers?a=1&b=2&gh_jid=42');
    expect(canonicalUrl('https://de.linkedin.com/jobs/view/engineer-at-acme-3791?position=1&pageNum=0&refId=a&trackingId=b')).toBe(
      'https://de.linkedin.com/jobs/view/engineer-at-acme-3791',
    );
  });

  it('refuses anything but http(s)', () => {
    expect(canonicalUrl('javascript:alert(1)')).toBeNull();
    expect(canonicalUrl('ftp://example.com/job')).toBeNull();
    expect(canonicalUrl('not a url')).toBeNull();
  });
});

describe('descriptions', () => {
  it('keeps formatting, drops scripts, event handlers, images and javascript: links', () => {
    const html = sanitizeDescription(
      '<h2>Role</h2><p onclick="x()">Build <b>APIs</b></p><script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">bad</a><a href="https://ok.example">good</a>',
    );
    expect(html).toContain('<h2>Role</h2>');
    expect(html).toContain('<b>APIs</b>');
    expect(html).not.toMatch(/script|onerror|onclick|<img|javascript:/);
    expect(html).toContain('<a href="https://ok.example" rel="nofollow noopener noreferrer" target="_blank">good</a>');
  });

  it('derives readable plain text', () => {
    const text = htmlToText(sanitizeDescription('<p>Hello &amp; welcome</p><ul><li>One</li><li>Two</li></ul><p>Caf&eacute;</p>'));
    expect(text).toBe('Hello & welcome\n\n * One\n * Two\n\nCafé');
  });

  it('cleans titles: entities decoded, tags and extra spaces removed', () => {
    expect(cleanText('  Senior&nbsp;Engineer &amp; <b>Lead</b> ')).toBe('Senior Engineer & Lead');
  });
});

describe('field vocabularies', () => {
  it('maps employment types of every board to one set', () => {
    expect(normalizeEmploymentType('FullTime')).toBe('full_time');
    expect(normalizeEmploymentType('Full-time')).toBe('full_time');
    expect(normalizeEmploymentType('full_time')).toBe('full_time');
    expect(normalizeEmploymentType('Part-time')).toBe('part_time');
    expect(normalizeEmploymentType('Intern')).toBe('internship');
    expect(normalizeEmploymentType('Werkstudent')).toBe('internship');
    expect(normalizeEmploymentType('Contract')).toBe('contract');
    expect(normalizeEmploymentType('freelance')).toBe('contract');
    expect(normalizeEmploymentType('Temporary')).toBe('temporary');
    expect(normalizeEmploymentType('Volunteer')).toBe('other');
    expect(normalizeEmploymentType('Fixed Term (12 months)')).toBe('temporary');
    // Seniority is not an employment type: not known, rather than invented as `other`.
    expect(normalizeEmploymentType('Berufserfahren')).toBeNull();
    expect(normalizeEmploymentType('Mid-level')).toBeNull();
    expect(normalizeEmploymentType('')).toBeNull();
  });

  it('maps salary intervals', () => {
    expect(normalizePeriod('per-year-salary')).toBe('year');
    expect(normalizePeriod('1 YEAR')).toBe('year');
    expect(normalizePeriod('per-month-salary')).toBe('month');
    expect(normalizePeriod('per-hour-wage')).toBe('hour');
    expect(normalizePeriod('per-day-wage')).toBe('day');
    expect(normalizePeriod('per-week-salary')).toBe('week');
    expect(normalizePeriod('Weekly')).toBe('week');
    expect(normalizePeriod(null)).toBeNull();
  });

  it('reads dates as ISO, offset-less ISO (UTC), epoch seconds and epoch milliseconds', () => {
    expect(parseDate('2026-11-20T10:23:26')?.toISOString()).toBe('2026-11-20T10:23:26.000Z');
    expect(parseDate('2026-11-20T10:23:26-05:00')?.toISOString()).toBe('2026-11-20T15:23:26.000Z');
    expect(parseDate(1763700000)?.toISOString()).toBe('2025-11-21T04:40:00.000Z');
    expect(parseDate(1763650000000)?.toISOString()).toBe('2025-11-20T14:46:40.000Z');
    expect(parseDate('yesterday')).toBeNull();
  });
});

describe('toPosting', () => {
  it('skips postings without id, title, company or an http(s) URL', () => {
    const ok = { sourceId: 1, url: 'https://a.example/j/1', title: 'Engineer', company: 'Acme' };
    expect(toPosting(ok)).not.toBeNull();
    expect(toPosting({ ...ok, title: '  ' })).toBeNull();
    expect(toPosting({ ...ok, company: '' })).toBeNull();
    expect(toPosting({ ...ok, url: 'javascript:void(0)' })).toBeNull();
  });

  it('derives remote from the location, orders the salary range and drops an orphan currency', () => {
    const p = toPosting({
      sourceId: 'x',
      url: 'https://a.example/j/1',
      title: 'Engineer',
      company: 'Acme',
      location: 'Remote - EU',
      salaryMin: 120_000,
      salaryMax: 90_000,
      salaryCurrency: 'eur',
      salaryPeriod: 'year',
    });
    expect(p).toMatchObject({ remote: true, salaryMin: 90_000, salaryMax: 120_000, salaryCurrency: 'EUR', salaryPeriod: 'year' });
    const none = toPosting({ sourceId: 'y', url: 'https://a.example/j/2', title: 'Engineer', company: 'Acme', salaryCurrency: 'USD' });
    expect(none).toMatchObject({ remote: false, salaryMin: null, salaryMax: null, salaryCurrency: null, salaryPeriod: null });
  });
});

describe('text repair', () => {
  it('repairs UTF-8 read as Latin-1 or Windows-1252, and leaves correct text alone', () => {
    const latin1 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
    expect(repairMojibake(latin1('We don’t – café, Größe, naïve'))).toBe('We don’t – café, Größe, naïve');
    expect(repairMojibake('donâ€™t')).toBe('don’t');
    expect(repairMojibake('Ärger © 2026, Ça va, Âge')).toBe('Ärger © 2026, Ça va, Âge');
  });

  it('decodes entity-escaped HTML once and leaves real markup alone', () => {
    expect(descriptionMarkup('&lt;p&gt;R&amp;amp;D&lt;/p&gt;')).toBe('<p>R&amp;D</p>');
    expect(descriptionMarkup('<p>Use &lt;template&gt; tags</p>')).toBe('<p>Use &lt;template&gt; tags</p>');
    expect(descriptionMarkup('Plain text &amp; more')).toBe('Plain text &amp; more');
  });
});

describe('work arrangement', () => {
  it('reads the boards\' workplace vocabularies', () => {
    expect(['on-site', 'OnSite', 'In office', 'Hybrid', 'hybrid', 'Remote', 'remote', 'Remote - US', 'unspecified', 'Not remote'].map(workArrangementFrom)).toEqual([
      'onsite', 'onsite', 'onsite', 'hybrid', 'hybrid', 'remote', 'remote', 'remote', null, 'onsite',
    ]);
  });

  it('keeps a board\'s statement over the text, and the region of a remote job', () => {
    const base = { sourceId: 'x', url: 'https://a.example/j/1', title: 'Engineer', company: 'Acme' };
    expect(toPosting({ ...base, location: 'Remote - Europe' })).toMatchObject({ workArrangement: 'remote', remote: true, remoteRegion: 'Europe' });
    expect(toPosting({ ...base, location: 'Remote' })).toMatchObject({ workArrangement: 'remote', remoteRegion: null });
    expect(toPosting({ ...base, location: 'Berlin', workArrangement: 'hybrid', remote: true })).toMatchObject({ workArrangement: 'hybrid', remote: false });
    expect(toPosting({ ...base, location: 'Berlin', remote: false })).toMatchObject({ workArrangement: 'onsite' });
    expect(toPosting({ ...base, location: 'Berlin' })).toMatchObject({ workArrangement: 'unknown', remote: false, locations: ['Berlin'] });
  });
});
