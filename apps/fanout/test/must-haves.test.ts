// Must-haves (docs/product.md, "Must-haves") applied by fan-out in SQL: a job that fails one
// gets no user-analysis message, so the matcher never scores it and no LLM call is made.
// Each must-have has a job that passes and one that fails; facts are read from the posting
// text as the scraper reads them (jobTextFacts, yearlyTopPay).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { normalizeKeyword } from '@jobping/contracts';
import type { Prisma, PrismaClient } from '@jobping/db';
import { createLogger } from '@jobping/logger';
import { fanOut as fanOutJob, insertJob, insertUser, startFanoutEnv, type FanoutEnv, type JobSpec } from './fanout-env';

let env: FanoutEnv;
let prisma: PrismaClient;
const logger = createLogger({ service: 'fanout-test', level: 'error', nodeEnv: 'test' });

const fanOut = (jobId: string, options?: { decisionLog?: boolean; pageSize?: number }) => fanOutJob(env, jobId, logger, options);
const job = (spec?: JobSpec) => insertJob(env, spec);
const user = (fields?: Partial<Prisma.UserCreateInput>) => insertUser(env, fields);

beforeAll(async () => {
  env = await startFanoutEnv('fanout_must_haves');
  prisma = env.prisma;
});

beforeEach(async () => {
  await prisma.user.deleteMany();
});

afterAll(async () => {
  await env?.close();
});

describe('must-haves in fan-out', () => {
  it('a user who needs sponsorship and at least $100k gets no message for "$70–90k" or "unable to sponsor"; unstated pay follows their setting', async () => {
    const keeps = await user({ needsVisaSponsorship: true, minSalary: 100_000 });
    const strict = await user({ needsVisaSponsorship: true, minSalary: 100_000, keepUnstatedSalary: false });
    const strictVisa = await user({ needsVisaSponsorship: true, keepUnknownSponsorship: false });
    const anyone = await user();

    const underpaid = await job({ salary: [70_000, 90_000], description: 'Visa sponsorship is available.' });
    const noSponsor = await job({ salary: [120_000, 150_000], description: 'We are unable to sponsor visas for this position.' });
    const unstatedPay = await job({ description: 'Visa sponsorship is available.' });
    const good = await job({ salary: [110_000, 130_000], description: 'Visa sponsorship is available.' });
    const silent = await job({ salary: [110_000, 130_000] });

    expect(await fanOut(underpaid)).toEqual(new Set([strictVisa, anyone]));
    expect(await fanOut(noSponsor)).toEqual(new Set([anyone]));
    expect(await fanOut(unstatedPay)).toEqual(new Set([keeps, strictVisa, anyone]));
    expect(await fanOut(good)).toEqual(new Set([keeps, strict, strictVisa, anyone]));
    // Silence about sponsorship passes unless the user asked otherwise.
    expect(await fanOut(silent)).toEqual(new Set([keeps, strict, anyone]));
  });

  it('languages: a job that requires a language the user does not work in is left out; "a plus" is not required', async () => {
    const englishOnly = await user({ languages: ['en'] });
    const englishGerman = await user({ languages: ['en', 'de'] });
    const unsaid = await user();
    expect(await fanOut(await job({ description: 'English is our working language. Fluent German required.' }))).toEqual(new Set([englishGerman, unsaid]));
    expect(await fanOut(await job({ description: 'English is our working language; German is a plus.' }))).toEqual(new Set([englishOnly, englishGerman, unsaid]));
    expect(await fanOut(await job({ description: 'Vloeiend Nederlands is vereist.' }))).toEqual(new Set([unsaid]));
    expect(await fanOut(await job())).toEqual(new Set([englishOnly, englishGerman, unsaid]));
  });

  it('seniority range: a stated level inside passes, outside fails, an unstated one passes', async () => {
    const midToSenior = await user({ seniorityMin: 'mid', seniorityMax: 'senior' });
    const staffUp = await user({ seniorityMin: 'staff' });
    const upToJunior = await user({ seniorityMax: 'junior' });
    expect(await fanOut(await job({ title: 'Senior Backend Engineer' }))).toEqual(new Set([midToSenior]));
    expect(await fanOut(await job({ title: 'Staff Backend Engineer' }))).toEqual(new Set([staffUp]));
    expect(await fanOut(await job({ title: 'Junior Backend Engineer' }))).toEqual(new Set([upToJunior]));
    expect(await fanOut(await job({ title: 'Backend Engineer' }))).toEqual(new Set([midToSenior, staffUp, upToJunior]));
  });

  it('arrangements accepted: remote-only and hybrid-or-onsite users; an unknown arrangement passes both', async () => {
    const remote = await user({ workArrangements: ['remote'] });
    const office = await user({ workArrangements: ['hybrid', 'onsite'] });
    expect(await fanOut(await job({ workArrangement: 'remote' }))).toEqual(new Set([remote]));
    expect(await fanOut(await job({ workArrangement: 'hybrid' }))).toEqual(new Set([office]));
    expect(await fanOut(await job({ workArrangement: 'onsite' }))).toEqual(new Set([office]));
    expect(await fanOut(await job({ workArrangement: 'unknown' }))).toEqual(new Set([remote, office]));
  });

  it('remote regions: a remote job limited to another region fails; worldwide or no region passes', async () => {
    const europe = await user({ workArrangements: ['remote'], remoteRegions: ['Europe'] });
    const us = await user({ remoteRegions: ['US'] });
    expect(await fanOut(await job({ workArrangement: 'remote', remoteRegion: 'Europe' }))).toEqual(new Set([europe]));
    // "US" is a word of the region, never a substring ("Australia" holds "us").
    expect(await fanOut(await job({ workArrangement: 'remote', remoteRegion: 'US or Canada' }))).toEqual(new Set([us]));
    expect(await fanOut(await job({ workArrangement: 'remote', remoteRegion: 'Australia' }))).toEqual(new Set());
    expect(await fanOut(await job({ workArrangement: 'remote', remoteRegion: 'Worldwide' }))).toEqual(new Set([europe, us]));
    expect(await fanOut(await job({ workArrangement: 'remote', remoteRegion: null }))).toEqual(new Set([europe, us]));
    // Regions limit remote jobs only: the US user did not restrict arrangements.
    expect(await fanOut(await job({ workArrangement: 'onsite' }))).toEqual(new Set([us]));
  });

  it('employment types: a stated type outside the list fails, an unstated one passes', async () => {
    const fullTime = await user({ employmentTypes: ['full_time'] });
    const contractor = await user({ employmentTypes: ['contract', 'temporary'] });
    expect(await fanOut(await job({ employmentType: 'full_time' }))).toEqual(new Set([fullTime]));
    expect(await fanOut(await job({ employmentType: 'contract' }))).toEqual(new Set([contractor]));
    expect(await fanOut(await job({ employmentType: null }))).toEqual(new Set([fullTime, contractor]));
  });

  it('excluded keywords: whole words of the title or description, never part of a word', async () => {
    const noJava = await user({ excludedKeywords: ['Java'] });
    const noOnCall = await user({ excludedKeywords: ['on-call', 'PHP'] });
    const noSales = await user({ excludedKeywords: ['sales engineer'] });
    const anyone = await user();
    expect(await fanOut(await job({ title: 'Java Developer' }))).toEqual(new Set([noOnCall, noSales, anyone]));
    expect(await fanOut(await job({ title: 'JavaScript Developer' }))).toEqual(new Set([noJava, noOnCall, noSales, anyone]));
    expect(await fanOut(await job({ description: 'You will share the on-call rotation.' }))).toEqual(new Set([noJava, noSales, anyone]));
    expect(await fanOut(await job({ title: 'Senior Sales Engineer' }))).toEqual(new Set([noJava, noOnCall, anyone]));
    expect(await fanOut(await job({ title: 'Sales and Engineering Lead' }))).toEqual(new Set([noJava, noOnCall, noSales, anyone]));
  });

  it("mutes are tested on the user row: a bulk insert or delete of mutes keeps the user's keys equal to user_mutes (trigger)", async () => {
    const a = await user();
    const b = await user();
    const keys = async (id: string) => prisma.user.findUniqueOrThrow({ where: { id }, select: { mutedCompanyKeys: true, mutedKeywordKeys: true } });
    await prisma.userMute.createMany({
      data: [
        { userId: a, kind: 'company', value: 'Ledgerly GmbH', key: 'ledgerly' },
        { userId: a, kind: 'keyword', value: 'Kafka', key: 'kafka' },
        { userId: a, kind: 'keyword', value: 'Blockchain', key: 'blockchain' },
        { userId: b, kind: 'keyword', value: 'Kafka', key: 'kafka' },
      ],
    });
    expect(await keys(a)).toEqual({ mutedCompanyKeys: ['ledgerly'], mutedKeywordKeys: ['blockchain', 'kafka'] });
    expect(await keys(b)).toEqual({ mutedCompanyKeys: [], mutedKeywordKeys: ['kafka'] });
    expect(await fanOut(await job({ description: 'Event streaming with Kafka.' }))).toEqual(new Set());
    await prisma.userMute.deleteMany({ where: { key: 'kafka' } });
    expect(await keys(a)).toEqual({ mutedCompanyKeys: ['ledgerly'], mutedKeywordKeys: ['blockchain'] });
    expect(await keys(b)).toEqual({ mutedCompanyKeys: [], mutedKeywordKeys: [] });
    expect(await fanOut(await job({ description: 'Event streaming with Kafka.' }))).toEqual(new Set([b]));
  });

  it('mutes: a muted company or keyword leaves the job out for that user only; deleting the mute undoes it', async () => {
    const mutesCompany = await user();
    const mutesKeyword = await user();
    const anyone = await user();
    const company = await prisma.userMute.create({ data: { userId: mutesCompany, kind: 'company', value: 'Ledgerly GmbH', key: 'ledgerly' } });
    await prisma.userMute.create({ data: { userId: mutesKeyword, kind: 'keyword', value: 'Kafka', key: normalizeKeyword('Kafka') } });
    expect(await fanOut(await job({ description: 'Streams with Kafka.' }))).toEqual(new Set([anyone]));
    expect(await fanOut(await job({ description: 'Plain REST services.' }))).toEqual(new Set([mutesKeyword, anyone]));
    await prisma.userMute.delete({ where: { id: company.id } });
    expect(await fanOut(await job({ description: 'Plain REST services.' }))).toEqual(new Set([mutesCompany, mutesKeyword, anyone]));
  });
});
