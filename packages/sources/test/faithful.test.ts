import { afterAll, describe, expect, it } from '@jest/globals';
import { arbeitnowAdapter } from '../src/arbeitnow';
import { ashbyAdapter } from '../src/ashby';
import { greenhouseAdapter } from '../src/greenhouse';
import { leverAdapter } from '../src/lever';
import { parseRemoteOk, remoteOkAdapter } from '../src/remoteok';
import { remotiveAdapter } from '../src/remotive';
import type { SourceDefinition } from '../src/types';
import { fetchContext, fixture, sendJson, source, startLoopback, testHttpClient } from './helpers';

// Each test replays a board's answer shaped like the real one (field names, nesting, escaping,
// quirks) from a loopback server and checks a value users see: the defects of issue 22.

const http = testHttpClient();
afterAll(() => http.close());

const context = fetchContext(http);

/** Serves one recorded answer at `path` (any query); 404 elsewhere. */
async function replay<T>(path: string, file: string, run: (baseUrl: string) => Promise<T>): Promise<T> {
  const server = await startLoopback((_req, res, url) => (url.pathname === path ? sendJson(res, 200, fixture(file)) : sendJson(res, 404, {})));
  try {
    return await run(server.url);
  } finally {
    await server.close();
  }
}

describe('Arbeitnow, faithfully', () => {
  const fetchAll = () => replay('/api/job-board-api', 'arbeitnow-relayed.json', (base) => arbeitnowAdapter(base).fetch(source('arbeitnow', 'arbeitnow'), context()));

  it('decodes an entity-escaped description exactly once', async () => {
    const [relayed] = await fetchAll();
    expect(relayed?.descriptionHtml).toContain('<p><strong>Über uns</strong></p>');
    expect(relayed?.description).toContain('Lindenwerk baut Software für Stadtwerke & Energieversorger.');
    // Text that was escaped in the original stays text: decoded once, not twice.
    expect(relayed?.description).toContain('Sicher im Umgang mit <template>-Syntax und der Composition API');
    expect(relayed?.description).not.toMatch(/&lt;|&gt;|&amp;/);
  });

  it('reads the employment type among seniority values and invents none', async () => {
    const [relayed, seniorityOnly] = await fetchAll();
    expect(relayed?.employmentType).toBe('full_time');
    expect(seniorityOnly?.employmentType).toBeNull();
  });
});

describe('RemoteOK, faithfully', () => {
  it('skips entries that are not job postings without reporting them as broken postings', () => {
    const skipped: string[] = [];
    const postings = parseRemoteOk(fixture('remoteok-mixed.json'), [], (details) => skipped.push(details));
    expect(postings.map((p) => p.sourceId)).toEqual(['1131001', '1131002', '1131003']);
    expect(skipped).toEqual([]);
  });

  it('stores shop, store and warehouse jobs as on-site, not remote', async () => {
    const postings = await replay('/api', 'remoteok-mixed.json', (base) => remoteOkAdapter(base).fetch(source('remoteok', 'remoteok'), context()));
    const byId = new Map(postings.map((p) => [p.sourceId, p]));
    expect(byId.get('1131001')).toMatchObject({ remote: false, workArrangement: 'onsite' });
    expect(byId.get('1131002')).toMatchObject({ remote: false, workArrangement: 'onsite' });
    expect(byId.get('1131003')).toMatchObject({ remote: true, workArrangement: 'remote', remoteRegion: 'Europe' });
  });

  it('cleans trailing commas from locations', async () => {
    const postings = await replay('/api', 'remoteok-mixed.json', (base) => remoteOkAdapter(base).fetch(source('remoteok', 'remoteok'), context()));
    expect(postings.map((p) => p.location)).toEqual(['Stockholm, Sweden', 'Leeds, UK', 'Europe']);
    expect(postings.map((p) => p.locations)).toEqual([['Stockholm, Sweden'], ['Leeds, UK'], ['Europe']]);
  });

  it('repairs mis-decoded characters (donât → don’t)', async () => {
    const postings = await replay('/api', 'remoteok-mixed.json', (base) => remoteOkAdapter(base).fetch(source('remoteok', 'remoteok'), context()));
    const platform = postings.find((p) => p.sourceId === '1131003');
    expect(platform?.description).toContain('We don’t do status meetings – we write things down.');
    expect(platform?.description).toContain('Café budget included.');
    expect(platform?.description).not.toMatch(/â|Ã/);
  });
});

describe('Lever, faithfully', () => {
  const fetchBoard = (extra: Partial<SourceDefinition> = {}) =>
    replay('/v0/postings/matchgroup', 'lever-multi-location.json', (base) => leverAdapter(base).fetch(source('lever', 'matchgroup', extra), context()));

  it('keeps every location of categories.allLocations, so a London and Stockholm job is found in Stockholm', async () => {
    const [multi] = await fetchBoard();
    expect(multi?.locations).toEqual(['London', 'Stockholm']);
    expect(multi?.location).toBe('London');
  });

  it('reads workplaceType as the work arrangement, with department and team', async () => {
    const [hybrid, remote, onsite] = await fetchBoard();
    expect(hybrid).toMatchObject({ workArrangement: 'hybrid', remote: false, department: 'Engineering', team: 'Trust & Safety' });
    expect(remote).toMatchObject({ workArrangement: 'remote', remote: true, remoteRegion: 'US' });
    expect(onsite).toMatchObject({ workArrangement: 'onsite', remote: false, department: null, team: 'Customer Support' });
  });

  it('names the company as configured on the source, the slug only as a fallback', async () => {
    const configured = await fetchBoard({ companyName: 'Match Group' });
    expect(configured.map((p) => p.company)).toEqual(['Match Group', 'Match Group', 'Match Group']);
    const fallback = await fetchBoard();
    expect(fallback[0]?.company).toBe('Matchgroup');
  });
});

describe('Ashby, faithfully', () => {
  const fetchBoard = (extra: Partial<SourceDefinition> = {}) =>
    replay('/posting-api/job-board/tessellate', 'ashby-board.json', (base) => ashbyAdapter(base).fetch(source('ashby', 'tessellate', extra), context()));

  it('reads workplaceType: isRemote is true for hybrid jobs too', async () => {
    const [hybrid] = await fetchBoard();
    expect(hybrid).toMatchObject({ workArrangement: 'hybrid', remote: false, locations: ['Amsterdam', 'Remote (EU)'] });
    expect(hybrid).toMatchObject({ department: 'Engineering', team: 'Infrastructure' });
  });

  it('names the company as configured on the source', async () => {
    const postings = await fetchBoard({ companyName: 'Tessellate B.V.' });
    expect(postings[0]?.company).toBe('Tessellate B.V.');
  });
});

describe('Remotive, faithfully', () => {
  const fetchAll = () => replay('/api/remote-jobs', 'remotive-salaries.json', (base) => remotiveAdapter(base).fetch(source('remotive', 'all'), context()));

  it('reads "$31,2k- $52k" as 31,200–52,000 a year', async () => {
    const [fullstack] = await fetchAll();
    expect(fullstack).toMatchObject({ salaryMin: 31_200, salaryMax: 52_000, salaryCurrency: 'USD', salaryPeriod: 'year' });
  });

  it('does not assume a range without a period is yearly', async () => {
    const [, contractor, hourly] = await fetchAll();
    expect(contractor).toMatchObject({ salaryMin: null, salaryMax: null, salaryPeriod: null });
    expect(hourly).toMatchObject({ salaryMin: 45, salaryMax: 55, salaryCurrency: 'USD', salaryPeriod: 'hour' });
  });

  it('keeps the region a remote job is open to', async () => {
    const [fullstack] = await fetchAll();
    expect(fullstack).toMatchObject({ workArrangement: 'remote', remoteRegion: 'Latin America' });
  });
});

describe('Greenhouse, faithfully', () => {
  const fetchBoard = () =>
    replay('/v1/boards/northwindlabs/jobs', 'greenhouse-metadata.json', (base) => greenhouseAdapter(base).fetch(source('greenhouse', 'northwindlabs'), context()));

  it('reads the employment type from Contract Type metadata', async () => {
    const [fixedTerm, contractor] = await fetchBoard();
    expect(fixedTerm?.employmentType).toBe('temporary');
    expect(contractor?.employmentType).toBe('contract');
  });

  it('reads the work arrangement from Location Type metadata, every office, and the department', async () => {
    const [hybrid, remote] = await fetchBoard();
    expect(hybrid).toMatchObject({ workArrangement: 'hybrid', remote: false, department: 'Infrastructure' });
    expect(hybrid?.locations).toEqual(['London, United Kingdom', 'Stockholm, Sweden']);
    expect(remote).toMatchObject({ workArrangement: 'remote', remote: true, remoteRegion: 'US' });
  });

  it('reads the salary from the description when the board has no pay range', async () => {
    const [yearly, hourly] = await fetchBoard();
    expect(yearly).toMatchObject({ salaryMin: 55_000, salaryMax: 65_000, salaryCurrency: 'GBP', salaryPeriod: 'year' });
    expect(hourly).toMatchObject({ salaryMin: 70, salaryMax: 85, salaryCurrency: 'USD', salaryPeriod: 'hour' });
  });
});
