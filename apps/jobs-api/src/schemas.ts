import {
  dismissReasonSchema,
  dismissReasons,
  jobSourceLimits,
  jobSourceCompanyNameSchema,
  jobSourceLocationSchema,
  jobSourceSchema,
  jobSourceSearchTermsSchema,
  jobSourceTypeSchema,
  salaryPeriods,
  WEEKS_PER_YEAR,
  WORK_DAYS_PER_WEEK,
  WORK_HOURS_PER_DAY,
  workArrangements,
  workArrangementSchema,
} from '@jobping/contracts';
import { DiscordDelivery, MatchFeedback, ScrapeRunStatus, ScrapeTrigger, endedScrapeRunStatuses } from '@jobping/db';
import { z } from 'zod';
import { cursorParam, scoreIdKeyset, timeIdKeyset } from './cursor';

/** Request and response bodies of jobs-api (snake_case, docs/product.md). They validate, filter and document. */

const timestamp = z.iso.datetime();
const text = (max: number) => z.string().trim().min(1).max(max);

export const limitParam = (fallback: number) =>
  z.coerce
    .number({ error: 'not a number' })
    .int({ error: 'not an integer' })
    .min(1)
    .max(100)
    .default(fallback)
    .describe(`page size, 1–100 (default ${fallback})`);

const booleanParam = (meaning: string) => z.stringbool({ error: 'expected true or false' }).optional().describe(meaning);

export const idParams = z.object({ id: z.uuid({ error: 'not a UUID' }) });
export const jobIdParams = z.object({ jobId: z.uuid({ error: 'not a UUID' }) });

// ---- jobs ----------------------------------------------------------------------------------

export const jobsQuerySchema = z.object({
  q: text(200)
    .optional()
    .describe('full-text search over title, company and description (web-search syntax: words, "phrases", -excluded, or)'),
  remote: booleanParam('only remote (true) or only on-site (false) jobs'),
  location: text(100).optional().describe('one of the job\'s locations contains this text (case-insensitive)'),
  company: text(200).optional().describe('company name contains this text (case-insensitive)'),
  posted_since: z.iso
    .datetime({ offset: true, error: 'expected an ISO 8601 date-time such as 2026-11-01T00:00:00Z' })
    .transform((value) => new Date(value))
    .optional()
    .describe('only jobs posted at or after this time (jobs without a posting date are left out)'),
  min_salary: z.coerce
    .number({ error: 'not a number' })
    .int()
    .min(0)
    .max(100_000_000)
    .optional()
    .describe(
      `the yearly top of the salary range is at least this: hourly, daily, weekly and monthly pay over a full-time year (${WEEKS_PER_YEAR} weeks of ${WORK_DAYS_PER_WEEK} days of ${WORK_HOURS_PER_DAY} hours), in the job's own currency (none is converted); jobs without a salary are left out`,
    ),
  limit: limitParam(20),
  cursor: cursorParam(timeIdKeyset),
});
export type JobsQuery = z.output<typeof jobsQuerySchema>;

export const companySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  website: z.string().nullable(),
  info: z.record(z.string(), z.unknown()).nullable().describe('what research found about the company (CompanyInfo); null until researched'),
  info_updated_at: timestamp.nullable(),
});

export const salarySchema = z
  .object({
    min: z.number().int().nullable(),
    max: z.number().int().nullable(),
    currency: z.string().nullable(),
    period: z.string().nullable().describe(`what min and max are paid for: ${salaryPeriods.join(', ')}`),
  })
  .nullable();

const jobFields = {
  id: z.uuid(),
  title: z.string(),
  company_name: z.string().describe('company name as the board shows it'),
  company: companySchema,
  location: z.string().nullable().describe('the location as the board shows it'),
  locations: z.array(z.string()).describe('every location the board lists'),
  work_arrangement: workArrangementSchema.describe(`where the work is done: ${workArrangements.join(', ')} (as the board states it)`),
  remote_region: z.string().nullable().describe('where a remote job may be done from, when the board says'),
  remote: z.boolean().describe("work_arrangement is remote (kept for clients that only know the flag)"),
  department: z.string().nullable(),
  team: z.string().nullable(),
  salary: salarySchema,
  employment_type: z.string().nullable(),
  url: z.string(),
  alternate_urls: z.array(z.string()),
  source: z.string(),
  posted_at: timestamp.nullable(),
  scraped_at: timestamp,
  created_at: timestamp.describe('when JobPing first stored the job; the list is sorted by it, newest first'),
};

export const jobSummarySchema = z.object({ ...jobFields, summary: z.string().describe('the first 300 characters of the description') });
export type JobSummary = z.infer<typeof jobSummarySchema>;

export const jobListSchema = z.object({ items: z.array(jobSummarySchema), next_cursor: z.string().nullable() });

export const ownMatchSchema = z.object({
  id: z.uuid(),
  score: z.number().int(),
  analysis: z.record(z.string(), z.unknown()),
  provider: z.string(),
  model: z.string(),
  prompt_version: z.string(),
  notified: z.boolean(),
  prefilter_skipped: z.boolean().describe('the pre-filter ruled the job out without asking the AI; score is then its upper bound'),
  prefilter_reason: z.string().nullable(),
  feedback: z.enum(MatchFeedback).nullable(),
  feedback_at: timestamp.nullable(),
  created_at: timestamp,
});

export type OwnMatch = z.infer<typeof ownMatchSchema>;

export const jobDetailSchema = z.object({
  ...jobFields,
  description: z.string(),
  description_html: z.string().nullable(),
  match: ownMatchSchema.nullable().describe("the caller's own match for this job, null when there is none"),
});
export type JobDetail = z.infer<typeof jobDetailSchema>;

// ---- matches -------------------------------------------------------------------------------

export const matchesQuerySchema = z.object({
  min_score: z.coerce.number({ error: 'not a number' }).int().min(0).max(100).optional().describe('only matches scoring at least this (0–100)'),
  limit: limitParam(20),
  cursor: cursorParam(scoreIdKeyset),
});
export type MatchesQuery = z.output<typeof matchesQuerySchema>;

export const matchSchema = ownMatchSchema.omit({ prefilter_skipped: true, prefilter_reason: true }).extend({
  job_id: z.uuid(),
  job: jobSummarySchema,
});
export const matchListSchema = z.object({ items: z.array(matchSchema), next_cursor: z.string().nullable() });

export const notInterestedBodySchema = z
  .object({
    reason: dismissReasonSchema.describe(`why: ${dismissReasons.join(', ')}`),
    text: z.string().trim().min(1).max(500).nullable().optional().describe('your own words; required when the reason is other'),
  })
  .refine((body) => body.reason !== 'other' || Boolean(body.text), { path: ['text'], message: 'say why when the reason is other' });
export const notInterestedSchema = z.object({
  job_id: z.uuid(),
  reason: dismissReasonSchema,
  text: z.string().nullable(),
  created_at: timestamp,
});

export const feedbackBodySchema = z.object({
  feedback: z.enum(MatchFeedback).describe('up: a good match; down: a bad one (kept to tune matching)'),
});
export const feedbackResultSchema = z.object({
  match_id: z.uuid(),
  job_id: z.uuid(),
  feedback: z.enum(MatchFeedback),
  feedback_at: timestamp,
});

// ---- notifications -------------------------------------------------------------------------

export const notificationsQuerySchema = z.object({
  unread: booleanParam('true: only unread notifications; false: only read ones'),
  limit: limitParam(20),
  cursor: cursorParam(timeIdKeyset),
});
export type NotificationsQuery = z.output<typeof notificationsQuerySchema>;

export const notificationSchema = z.object({
  id: z.uuid(),
  job_id: z.uuid(),
  match_id: z.uuid(),
  job_title: z.string(),
  company: z.string(),
  job_url: z.string(),
  matching_score: z.number().int(),
  ai_analysis: z.record(z.string(), z.unknown()),
  read: z.boolean(),
  read_at: timestamp.nullable(),
  discord_status: z.enum(DiscordDelivery),
  created_at: timestamp,
});
export type NotificationView = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  next_cursor: z.string().nullable(),
  unread_count: z.number().int().describe('all unread notifications of the caller, whatever the filter'),
});
export const readAllResultSchema = z.object({ marked_read: z.number().int(), unread_count: z.literal(0) });

// ---- scrape runs ---------------------------------------------------------------------------

export const scrapeRunCreatedSchema = z.object({ run_id: z.uuid() });

export const scrapeRunSchema = z.object({
  id: z.uuid(),
  trigger: z.enum(ScrapeTrigger),
  status: z.enum(ScrapeRunStatus).describe(`${endedScrapeRunStatuses.join(', ')}: the run has ended`),
  sources: z.array(
    z.object({
      source: z.string().describe('the source, e.g. greenhouse:acme'),
      found: z.number().int(),
      new: z.number().int(),
      duplicates: z.number().int(),
      errors: z.array(z.string()),
    }),
  ),
  sources_total: z.number().int(),
  sources_done: z.number().int(),
  progress: z.number().min(0).max(1).describe('sources_done ÷ sources_total (1 when finished)'),
  jobs_found: z.number().int(),
  jobs_new: z.number().int(),
  error: z.string().nullable(),
  created_at: timestamp,
  started_at: timestamp.nullable(),
  finished_at: timestamp.nullable(),
});

// ---- admin ---------------------------------------------------------------------------------

// One schema per source type, shared with the scraper (which checks its rows the same way).
export const createSourceBodySchema = jobSourceSchema();
export type CreateSourceBody = z.output<typeof createSourceBodySchema>;

/** The fields to change; what they make of the source is checked against its type's rules by the service. */
export const updateSourceBodySchema = z
  .strictObject({
    type: jobSourceTypeSchema.optional(),
    identifier: z.string().trim().min(1).max(jobSourceLimits.fixtureIdentifier).optional().describe('checked against the rules of the (new) type'),
    search_terms: jobSourceSearchTermsSchema.optional(),
    location: jobSourceLocationSchema.optional(),
    company_name: jobSourceCompanyNameSchema.optional(),
    enabled: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { error: 'send at least one field to change' });
export type UpdateSourceBody = z.output<typeof updateSourceBodySchema>;

export const sourcesQuerySchema = z.object({
  type: jobSourceTypeSchema.optional(),
  enabled: booleanParam('only enabled (true) or disabled (false) sources'),
  limit: limitParam(100),
  cursor: cursorParam(timeIdKeyset),
});
export type SourcesQuery = z.output<typeof sourcesQuerySchema>;

export const sourceSchema = z.object({
  id: z.uuid(),
  type: z.string(),
  identifier: z.string(),
  search_terms: z.array(z.string()),
  location: z.string().nullable(),
  company_name: z.string().nullable().describe("the company's display name set on the source (null: the board's own name, else the identifier)"),
  enabled: z.boolean(),
  backfilled_at: timestamp.nullable(),
  last_run_at: timestamp.nullable(),
  last_success_at: timestamp.nullable(),
  last_error: z.string().nullable(),
  last_jobs_seen: z.number().int().nullable().describe('postings the board listed in the last successful run'),
  consecutive_failures: z.number().int().describe('failed runs since the last success'),
  paused_at: timestamp.nullable().describe('when the scraper paused the source after repeated failures (null: running)'),
  pause_reason: z.string().nullable().describe('why it was paused, e.g. board not found (HTTP 404) — the board moved?'),
  created_at: timestamp,
  updated_at: timestamp,
});
export type SourceView = z.infer<typeof sourceSchema>;
export const sourceListSchema = z.object({ items: z.array(sourceSchema), next_cursor: z.string().nullable() });

export const detectSourceBodySchema = z.strictObject({
  url: z
    .string()
    .trim()
    .min(1, { error: 'paste the address of a careers page or a job' })
    .max(2_000, { error: 'at most 2000 characters' })
    .describe("a careers page or job URL, on the ATS (boards.greenhouse.io/acme, acme.recruitee.com, …) or the company's own site"),
});
export type DetectSourceBody = z.output<typeof detectSourceBodySchema>;

export const detectedSourceSchema = z.object({
  type: jobSourceTypeSchema.describe('the ATS recognised'),
  identifier: z.string().describe('the board identifier to save with the type (POST /api/admin/sources)'),
  company_name: z.string().describe('the company as its board names it'),
  found_in: z.enum(['url', 'page']).describe("from the address itself, or from the page's links and scripts"),
  preview: z.object({
    count: z.number().int().describe('open jobs the board lists now'),
    titles: z.array(z.string()).describe('the first few titles'),
  }),
});
export type DetectedSourceView = z.infer<typeof detectedSourceSchema>;

export const pipelineSchema = z.object({
  stages: z.array(
    z.object({
      stream: z.string(),
      length: z.number().int(),
      dead_letters: z.number().int(),
      groups: z.array(
        z.object({
          name: z.string(),
          consumers: z.number().int(),
          pending: z.number().int(),
          lag: z.number().int().nullable().describe('entries not yet delivered to the group; null when Redis cannot tell'),
          idle_seconds: z.number().int().nullable().describe('seconds since a consumer of the group last read; null when it has no consumers'),
          stale: z
            .boolean()
            .describe('entries wait for the group and none of its consumers read them for stale_group_seconds (or it has none): its stage is not running'),
        }),
      ),
    }),
  ),
  decisions: z
    .object({
      window_hours: z.number().int(),
      since: timestamp,
      counts: z.array(
        z.object({
          stage: z.string().describe('fanout, prefilter, matcher, notifier or pending'),
          reason: z.string().describe("the reason code (fan-out's fanoutReasons, the pre-filter's code, below_threshold, notified, snoozed, awaiting)"),
          count: z.number().int(),
        }),
      ),
    })
    .describe('what decided about the (job, user) pairs of the window, per stage and reason (the decision log)'),
  stale_group_seconds: z.number().int().describe('STREAM_STALE_GROUP_SECONDS: how long a group with entries waiting may go without a read before it is stale'),
  scrape_queue: z.object({
    waiting: z.number().int(),
    active: z.number().int(),
    delayed: z.number().int(),
    failed: z.number().int(),
    completed: z.number().int(),
  })
    .nullable()
    .describe('jobs of the scrape-runs queue by state; null while its Redis is unreachable'),
});
export type PipelineView = z.infer<typeof pipelineSchema>;

export const pipelineQuerySchema = z.object({
  window_hours: z.coerce
    .number({ error: 'not a number' })
    .int({ error: 'not an integer' })
    .min(1)
    .max(720)
    .default(24)
    .describe('the window of the decision counts, in hours (1–720, default 24)'),
});
