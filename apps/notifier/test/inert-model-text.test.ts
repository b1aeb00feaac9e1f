// A posting on an open board tries to smuggle a masked link, mentions and formatting into the
// Discord message: through its title, its company name and its description, which the model
// (here the local provider, as the matcher runs it) echoes into the explanation, pros and cons.
// The notifier posts the stored analysis to a fake Discord on loopback; what Discord receives
// must show that text literally, with no live link, mention or markdown.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LocalProvider, toJobInput } from '@jobping/ai';
import { createDatabase, type Database } from '@jobping/db';
import { DEMO_PROMPT } from '@jobping/db/demo';
import { createTestDatabase, type TestDatabase } from '@jobping/db/testing';
import { plainText } from '@jobping/discord';
import { channelEnvSchema, createChannelSender } from '@jobping/channels';
import { createLogger } from '@jobping/logger';
import { FakeDiscord } from '@jobping/testing';
import { ChannelDeliveries } from '../src/channel-deliveries';
import { NotificationService } from '../src/notification-service';

const LINK = '[Apply here](https://evil.example)';
const posting = {
  title: `Senior Backend Engineer (TypeScript) ${LINK}`,
  company: 'Quillstack @everyone',
  description: [
    'Quillstack builds invoicing software for small firms; about 120 people.',
    'You will design and run our TypeScript and Node.js services.',
    `Every change gets a code review before it ships — ${LINK} and ping @everyone <@&123456789012345678>.`,
    'On-call is shared: one week in eight on a rotation across all backend engineers.',
    'We work hard, play hard and **long hours** are expected at launch.',
  ].join(' '),
};

type Embed = { title: string; url: string; description: string; fields: { name: string; value: string }[] };

let db: TestDatabase;
let database: Database;
const discord = new FakeDiscord();

beforeAll(async () => {
  db = await createTestDatabase('notifier_inert');
  database = createDatabase({ databaseUrl: db.url, poolSize: 2 });
  await discord.start();
});

afterAll(async () => {
  await discord.stop();
  await database?.close();
  await db?.drop();
});

describe('model and job text in the Discord message', () => {
  it('arrives inert: no masked link, bare URL, mention or markdown, while the title still links to the job', async () => {
    const { prisma, pool } = database;
    const company = await prisma.company.create({ data: { name: posting.company, normalizedName: `quillstack-${randomUUID()}` } });
    const job = await prisma.job.create({
      data: {
        source: 'arbeitnow',
        sourceId: randomUUID(),
        url: 'https://www.arbeitnow.com/jobs/quillstack/senior-backend-engineer-typescript-4471',
        dedupeKey: randomUUID(),
        title: posting.title,
        companyId: company.id,
        companyName: posting.company,
        location: 'Remote (EU)',
        remote: true,
        salaryMin: 85_000,
        salaryMax: 100_000,
        salaryCurrency: 'EUR',
        salaryPeriod: 'year',
        employmentType: 'full-time',
        description: posting.description,
      },
    });
    const user = await prisma.user.create({
      data: { email: `${randomUUID()}@jobping.test`, passwordHash: 'x', aiPrompt: DEMO_PROMPT },
    });
    await prisma.notificationChannel.create({ data: { userId: user.id, kind: 'discord', settings: { webhook_url: discord.webhookUrl(1) } } });

    // The model's answer, stored as the matcher stores it: it repeats the posting's text.
    const result = await new LocalProvider().scoreMatch({ job: toJobInput(job), company: null, user: { prompt: DEMO_PROMPT } });
    expect(result.analysis.explanation).toContain(LINK);
    expect(result.analysis.pros.slice(0, 3).join(' ')).toContain(LINK);
    expect(result.analysis.cons.join(' ')).toContain('**long hours**');
    await prisma.userJobMatch.create({
      data: { userId: user.id, jobId: job.id, score: result.score, analysis: result.analysis, provider: 'local', model: result.meta.model, promptVersion: result.meta.promptVersion },
    });

    const logger = createLogger({ service: 'notifier-test', level: 'error', nodeEnv: 'test' });
    const sender = createChannelSender(channelEnvSchema.parse({ JOBPING_WEBHOOK_ALLOWED_HOSTS: discord.host, CHANNEL_TIMEOUT_MS: '5000' }), { logger });
    const channels = new ChannelDeliveries({ pool, sender, logger, sendLeaseMs: 60_000 });
    const service = new NotificationService({ prisma, pool, logger, channels });
    expect(await service.handle({ job_id: job.id, user_id: user.id })).toBe('in_app');

    const [request] = discord.requestsFor(discord.webhookId(1));
    const body = request!.body as { embeds: Embed[]; allowed_mentions: unknown };
    const embed = body.embeds[0]!;
    expect(body.allowed_mentions).toEqual({ parse: [] });
    // The title still links to the job's own (validated) URL, and only there.
    expect(embed.url).toBe(job.url);

    const texts = [embed.title, embed.description, ...embed.fields.flatMap((field) => [field.name, field.value])];
    for (const text of texts) {
      expect(text).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\((?!\\)/); // a masked link
      expect(text).not.toMatch(/https?:\/\//); // a URL Discord would link
      expect(text).not.toMatch(/@(everyone|here)/i);
      expect(text).not.toMatch(/(?<!\\)<[@#]/); // a user, role or channel mention
      expect(text).not.toMatch(/(?<!\\)\*\*/); // bold
    }
    // The text is still there for the reader, shown literally.
    expect(embed.title).toBe(plainText(`${posting.title} at ${posting.company}`));
    expect(embed.description).toContain(plainText(LINK));
    expect(embed.fields.find((field) => field.name === 'Cons')?.value).toContain(plainText('**long hours**'));

    // The in-app notification keeps the analysis as stored: the web app renders it as text.
    const notification = await prisma.notification.findUniqueOrThrow({ where: { userId_jobId: { userId: user.id, jobId: job.id } } });
    expect(notification.aiAnalysis).toEqual(result.analysis);
  });
});
