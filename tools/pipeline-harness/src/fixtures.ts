import { randomUUID } from 'node:crypto';
import { companyKey, companyKeys, jobDedupeKey, type PrismaClient } from '@jobping/db';
import { demoCompanies, demoJobContent, type DemoPosting } from '@jobping/db/demo';

export interface InsertedJob {
  id: string;
  title: string;
  company: string;
  url: string;
  remote: boolean;
}

/** Inserts postings (and their companies, once) as `new` jobs; `tag` keeps copies of one posting distinct. */
export async function insertJobs(prisma: PrismaClient, postings: readonly DemoPosting[], tag: string): Promise<InsertedJob[]> {
  const jobs: InsertedJob[] = [];
  for (const posting of postings) {
    const key = companyKey(posting.company);
    const website = demoCompanies.find((c) => c.name === posting.company)?.website ?? null;
    const company = await prisma.company.upsert({
      where: { normalizedName: key },
      create: { name: posting.company, normalizedName: key, website },
      update: {},
      select: { id: true },
    });
    const url = `${posting.url}${posting.url.includes('?') ? '&' : '?'}copy=${tag}`;
    const job = await prisma.job.create({
      data: {
        source: posting.source,
        sourceId: `${posting.sourceId}-${tag}`,
        url,
        dedupeKey: `${jobDedupeKey(posting)}|${posting.source}:${posting.sourceId}|${tag}`,
        ...demoJobContent(posting, company.id),
        postedAt: new Date(Date.now() - posting.postedHoursAgo * 3_600_000),
      },
      select: { id: true },
    });
    jobs.push({ id: job.id, title: posting.title, company: posting.company, url, remote: posting.remote });
  }
  return jobs;
}

export interface UserSpec {
  prompt: string | null;
  threshold?: number;
  webhook?: string | null;
  remoteOnly?: boolean;
  locations?: string[];
  minSalary?: number | null;
  excludedCompanies?: string[];
}

export async function insertUser(prisma: PrismaClient, spec: UserSpec): Promise<string> {
  const user = await prisma.user.create({
    data: {
      email: `user-${randomUUID()}@jobping.test`,
      passwordHash: 'not-a-real-hash',
      aiPrompt: spec.prompt,
      aiPromptUpdatedAt: spec.prompt ? new Date(Date.now() - 60_000) : null,
      notifyThreshold: spec.threshold ?? 70,
      remoteOnly: spec.remoteOnly ?? false,
      locations: spec.locations ?? [],
      minSalary: spec.minSalary ?? null,
      // As auth-api saves the filters: each excluded company's key with its name.
      excludedCompanies: spec.excludedCompanies ?? [],
      excludedCompanyKeys: companyKeys(spec.excludedCompanies ?? []),
    },
    select: { id: true },
  });
  // The account webhook is the user's Discord channel, as auth-api's PUT /api/users/me/discord saves it.
  if (spec.webhook) await prisma.notificationChannel.create({ data: { userId: user.id, kind: 'discord', label: 'Discord', settings: { webhook_url: spec.webhook } } });
  return user.id;
}
