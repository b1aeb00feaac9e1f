import { z } from 'zod';

/**
 * Job sources (rows of `job_sources`): what the scraper collects, as admins enter it through
 * jobs-api, the scraper's CLI or its seed file. One schema per type, shared by all of them, so
 * an identifier the admin API accepts is one the scraper will run, and nothing else is: an
 * identifier ends up in a URL path or a file path, so each type allows only what it needs.
 */
export const jobSourceTypes = [
  'greenhouse',
  'lever',
  'ashby',
  'workable',
  'smartrecruiters',
  'recruitee',
  'personio',
  'teamtailor',
  'bamboohr',
  'join',
  'workday',
  'remotive',
  'remoteok',
  'arbeitnow',
  'linkedin',
  'fixture',
] as const;
export type JobSourceType = (typeof jobSourceTypes)[number];
export const jobSourceTypeSchema = z.enum(jobSourceTypes, { error: `one of ${jobSourceTypes.join(', ')}` });

export const jobSourceLimits = {
  /** Board tokens, site names, categories, search names. */
  identifier: 100,
  /** A fixture source's file path or URL. */
  fixtureIdentifier: 500,
  searchTerms: 20,
  searchTerm: 100,
  location: 100,
  companyName: 200,
} as const;

const trimmed = (max: number) =>
  z.string().trim().min(1, { error: 'must not be empty', abort: true }).max(max, { error: `at most ${max} characters`, abort: true });

/** Greenhouse board token, Lever site, Ashby board, a name for a single-feed board: one URL path segment. */
const boardName = (what: string) =>
  trimmed(jobSourceLimits.identifier).regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
    `${what}: letters, digits, ".", "_" and "-" as in the board's own URL (no slashes, spaces or URLs)`,
  );

/**
 * Recruitee, Personio, Teamtailor, BambooHR: the company's subdomain on the ATS's own domain
 * (`acme` of acme.recruitee.com): one DNS label, so it can only ever name a host there.
 */
const subdomain = (what: string) =>
  trimmed(63).regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/, `${what}: the company's subdomain (letters, digits and "-"), as in its careers address`);

/**
 * Workday: `<tenant>.<data centre>/<site>` as in acme.wd5.myworkdayjobs.com/en-US/External →
 * `acme.wd5/External` (the search endpoint needs all three).
 */
const workdayBoard = trimmed(jobSourceLimits.identifier).regex(
  /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.wd\d{1,3}\/[A-Za-z0-9_-]+$/,
  'a Workday board as <tenant>.wd<N>/<site>, e.g. acme.wd5/External for acme.wd5.myworkdayjobs.com/en-US/External',
);

const remotiveCategory = trimmed(jobSourceLimits.identifier).regex(
  /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
  'a Remotive category slug such as software-dev, or all',
);

/** LinkedIn: the search's name, also its keywords when it has no search terms. */
const searchName = trimmed(jobSourceLimits.identifier).regex(
  /^[\p{L}\p{N}][\p{L}\p{N} .,_+#&'()/-]*$/u,
  'a name for the search: letters, digits, spaces and . , _ + # & \' ( ) / -',
);

/** A JSON file under the scraper's fixtures/ folder (no `.` or `..` segments), or an http(s) URL. */
const fixtureLocation = trimmed(jobSourceLimits.fixtureIdentifier).refine(
  (value) =>
    /^fixtures\/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*\.json$/.test(value) ||
    z.url({ protocol: /^https?$/ }).safeParse(value).success,
  'fixtures/<file>.json (a file in the scraper\'s fixtures folder) or an http(s) URL',
);

export const jobSourceSearchTermsSchema = z
  .array(trimmed(jobSourceLimits.searchTerm))
  .max(jobSourceLimits.searchTerms, `at most ${jobSourceLimits.searchTerms} search terms`)
  .describe('search terms (boards that do not search themselves keep titles containing one)');

export const jobSourceLocationSchema = trimmed(jobSourceLimits.location).nullable().describe('location filter');

export const jobSourceCompanyNameSchema = trimmed(jobSourceLimits.companyName)
  .nullable()
  .describe("the company's display name, for boards whose API does not name it (Lever, Ashby); without it the board's own name, else the identifier");

const identifiers: Record<JobSourceType, z.ZodType<string>> = {
  greenhouse: boardName('a Greenhouse board token'),
  lever: boardName('a Lever site name'),
  ashby: boardName('an Ashby job board name'),
  workable: boardName('a Workable account name (apply.workable.com/<account>)'),
  smartrecruiters: boardName('a SmartRecruiters company identifier (jobs.smartrecruiters.com/<company>)'),
  recruitee: subdomain('a Recruitee company'),
  personio: subdomain('a Personio company'),
  teamtailor: subdomain('a Teamtailor company'),
  bamboohr: subdomain('a BambooHR company'),
  join: boardName('a JOIN company name (join.com/companies/<company>)'),
  workday: workdayBoard,
  remotive: remotiveCategory,
  remoteok: boardName('a name for this RemoteOK source'),
  arbeitnow: boardName('a name for this Arbeitnow source'),
  linkedin: searchName,
  fixture: fixtureLocation,
};

/**
 * One source as entered: `{ type, identifier, search_terms, location, company_name, enabled }`, the identifier
 * checked by the rules of its type. Unknown fields are refused; `extra` adds fields of one
 * caller (the seed file's `note`).
 */
export function jobSourceSchema<E extends z.ZodRawShape = Record<never, never>>(extra?: E) {
  const member = <T extends JobSourceType>(type: T) =>
    z.strictObject({
      type: z.literal(type),
      identifier: identifiers[type],
      search_terms: jobSourceSearchTermsSchema.default([]),
      location: jobSourceLocationSchema.default(null),
      company_name: jobSourceCompanyNameSchema.default(null),
      enabled: z.boolean().default(true),
      ...(extra ?? ({} as E)),
    });
  // One member per listed type: a type added to jobSourceTypes (and given its identifier rules
  // above, which the compiler demands) is accepted here without a second list.
  const [first, ...rest] = jobSourceTypes.map((type) => member(type));
  return z.discriminatedUnion(
    'type',
    [first as ReturnType<typeof member<JobSourceType>>, ...rest],
    { error: (issue) => (issue.code === 'invalid_union' ? `type must be one of ${jobSourceTypes.join(', ')}` : undefined) },
  );
}

export type JobSourceInput = z.input<ReturnType<typeof jobSourceSchema>>;
export type JobSourceSpec = z.output<ReturnType<typeof jobSourceSchema>>;

/**
 * How far each type's copy of a posting is trusted, highest first. A company's own ATS board
 * is the company speaking; aggregators take postings from anyone (a copy there can claim a
 * real company's job); LinkedIn's guest pages are scraped cards; fixtures are demo and test
 * data. When one posting is on several boards, the most trusted copy gives the job its URL,
 * title and text (and company research reads those copies first).
 */
export const sourceTrustTiers = { company_board: 3, aggregator: 2, guest_page: 1, test_fixture: 0 } as const;

export const jobSourceTrust: Readonly<Record<JobSourceType, number>> = {
  greenhouse: sourceTrustTiers.company_board,
  lever: sourceTrustTiers.company_board,
  ashby: sourceTrustTiers.company_board,
  workable: sourceTrustTiers.company_board,
  smartrecruiters: sourceTrustTiers.company_board,
  recruitee: sourceTrustTiers.company_board,
  personio: sourceTrustTiers.company_board,
  teamtailor: sourceTrustTiers.company_board,
  bamboohr: sourceTrustTiers.company_board,
  join: sourceTrustTiers.company_board,
  workday: sourceTrustTiers.company_board,
  remotive: sourceTrustTiers.aggregator,
  remoteok: sourceTrustTiers.aggregator,
  arbeitnow: sourceTrustTiers.aggregator,
  linkedin: sourceTrustTiers.guest_page,
  fixture: sourceTrustTiers.test_fixture,
};

/** The trust of a source type; a type this contract does not know is trusted least. */
export function sourceTrust(type: string): number {
  return (jobSourceTrust as Record<string, number | undefined>)[type] ?? 0;
}
