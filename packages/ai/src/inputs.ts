import { companyInfoSchema, describeIssues, dismissReasonSchema, salaryPeriodSchema } from '@jobping/contracts';
import { z } from 'zod';
import { AiInputError } from './errors';

// Inputs come from job boards and users: untrusted. Bounds keep one posting from blowing up
// a prompt, a cache key or the local extractor; unknown keys (ids, URLs, timestamps) are
// dropped so that a re-posted job with the same content hashes to the same cache entry.
const optionalText = (max: number) => z.string().max(max).nullish();

/** The start of a dismissed job's description that matching compares (the matcher loads no more). */
export const DISMISSED_DESCRIPTION_CHARS = 2_000;

/** The parts of a posting that the providers read (camelCase, like the Prisma `Job`). */
export const jobInputSchema = z.object({
  title: z.string().trim().min(1).max(300),
  company: z.string().trim().min(1).max(200),
  location: optionalText(300),
  remote: z.boolean().nullish(),
  salaryMin: z.number().nonnegative().max(100_000_000).nullish(),
  salaryMax: z.number().nonnegative().max(100_000_000).nullish(),
  salaryCurrency: optionalText(3),
  salaryPeriod: salaryPeriodSchema.nullish(),
  employmentType: optionalText(40),
  /** Plain text; longer descriptions are cut, not rejected. */
  description: z.string().transform((text) => text.slice(0, 20_000)),
});
export type JobInput = z.input<typeof jobInputSchema>;
export type Job = z.output<typeof jobInputSchema>;

/** The user's side of a match: the prompt they wrote and (optionally) their threshold. */
export const userInputSchema = z.object({
  prompt: z.string().trim().min(1).max(4_000),
  threshold: z.number().int().min(0).max(100).nullish(),
});
export type UserInput = z.input<typeof userInputSchema>;

/** How many of a user's dismissals, newest first, a match reads (the matcher loads this many). */
export const RECENT_DISMISSALS = 10;

/**
 * A job the user marked "not interested", with their reason: context for matching (the LLM
 * prompt lists them; the local scorer lowers near-duplicates). Title, company and description
 * come from job boards and the note from the user: untrusted, bounded like a posting. Only the
 * start of the description is kept: enough to recognise the same posting again.
 */
export const dismissedJobSchema = z.object({
  title: z.string().trim().min(1).max(300),
  company: z.string().trim().min(1).max(200),
  location: optionalText(300),
  reason: dismissReasonSchema,
  /** The user's words (reason `other`). */
  note: z.string().max(500).nullish(),
  description: z
    .string()
    .nullish()
    .transform((text) => (text ? text.slice(0, DISMISSED_DESCRIPTION_CHARS) : null)),
});
export type DismissedJob = z.input<typeof dismissedJobSchema>;
export type ParsedDismissedJob = z.output<typeof dismissedJobSchema>;

export const matchInputSchema = z.object({
  job: jobInputSchema,
  company: companyInfoSchema.nullish(),
  user: userInputSchema,
  /** The user's recent dismissals, newest first (at most RECENT_DISMISSALS); none: as before. */
  dismissals: z.array(dismissedJobSchema).max(RECENT_DISMISSALS).default([]),
});
export type MatchInput = z.input<typeof matchInputSchema>;
export type ParsedMatchInput = z.output<typeof matchInputSchema>;

/** Company research reads the company's name and the postings we have for it (at most 20). */
export const companyResearchInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  website: z.string().max(500).nullish(),
  postings: z.array(jobInputSchema).max(20).default([]),
});
export type CompanyResearchInput = z.input<typeof companyResearchInputSchema>;
export type ParsedCompanyResearchInput = z.output<typeof companyResearchInputSchema>;

/** Parses a provider input; a violation is an `AiInputError` naming the field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new AiInputError(`Invalid ${what} input: ${describeIssues(result.error)}`);
}
