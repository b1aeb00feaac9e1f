import { sourceTrust } from '@jobping/contracts';
import { hash } from '@node-rs/argon2';
import type { PrismaClient } from '../generated/prisma/client';
import { companyKey, jobDedupeKey } from '../keys';
import { DEMO_PROMPT, demoCompanies, demoJobContent, demoPostings, type DemoPosting } from './demo-postings';

export const DEMO_USER_EMAIL = 'demo@jobping.local';

export interface SeedOptions {
  /** Password of the demo account (only used when the account is created). */
  demoPassword: string;
  now?: Date;
}

export interface SeedResult {
  userId: string;
  companies: number;
  jobs: number;
  crossPosted: number;
}

/**
 * Writes the demo dataset: one demo user with a realistic prompt and ~50 postings from
 * several companies. Idempotent: every row is upserted on its natural key, so running it
 * again changes nothing and duplicates nothing.
 */
export async function seedDemo(prisma: PrismaClient, { demoPassword, now = new Date() }: SeedOptions): Promise<SeedResult> {
  const user = await prisma.user.upsert({
    where: { email: DEMO_USER_EMAIL },
    create: {
      email: DEMO_USER_EMAIL,
      // argon2id with OWASP's parameters (m=19 MiB, t=2, p=1); the hash string carries them.
      passwordHash: await hash(demoPassword),
      aiPrompt: DEMO_PROMPT,
      aiPromptUpdatedAt: now,
      notifyThreshold: 70,
    },
    // Never overwrite what the person changed in the demo account.
    update: {},
    select: { id: true },
  });

  const companyIds = new Map<string, string>();
  for (const company of demoCompanies) {
    const row = await prisma.company.upsert({
      where: { normalizedName: companyKey(company.name) },
      create: { name: company.name, normalizedName: companyKey(company.name), website: company.website },
      update: { website: company.website },
      select: { id: true },
    });
    companyIds.set(companyKey(company.name), row.id);
  }

  // One job per real posting, as the scraper stores it: the most trusted board's copy is the
  // job (the first of equals); the other copies only add their URLs.
  const byKey = new Map<string, DemoPosting[]>();
  for (const posting of demoPostings) {
    const key = jobDedupeKey(posting);
    byKey.set(key, [...(byKey.get(key) ?? []), posting]);
  }
  for (const copies of byKey.values()) copies.sort((a, b) => sourceTrust(b.source) - sourceTrust(a.source));

  for (const [dedupeKey, [posting, ...crossPosts]] of byKey) {
    if (!posting) continue;
    const companyId = companyIds.get(companyKey(posting.company));
    if (!companyId) throw new Error(`Demo posting ${posting.sourceId} names unknown company ${posting.company}`);
    const content = { url: posting.url, alternateUrls: crossPosts.map((p) => p.url), ...demoJobContent(posting, companyId) };
    await prisma.job.upsert({
      where: { source_sourceId: { source: posting.source, sourceId: posting.sourceId } },
      create: {
        ...content,
        source: posting.source,
        sourceId: posting.sourceId,
        sourceTrust: sourceTrust(posting.source),
        dedupeKey,
        postedAt: new Date(now.getTime() - posting.postedHoursAgo * 3_600_000),
        scrapedAt: now,
      },
      update: content,
    });
  }

  return {
    userId: user.id,
    companies: companyIds.size,
    jobs: byKey.size,
    crossPosted: demoPostings.length - byKey.size,
  };
}
