import { employmentTypes, keywordPhrases, seniorityLevels, type FanoutReason, type JobEmploymentType, type SeniorityLevel } from '@jobping/contracts';
import { Prisma } from '@jobping/db';

/** What fan-out reads of a job: the facts the hard filters and must-haves compare. */
export interface JobFacts {
  id: string;
  status: string;
  remote: boolean;
  location: string | null;
  company_key: string;
  /** The company's name as the board shows it (jobs.company), for the decision log. */
  company: string;
  /** yearlyTopPay (@jobping/contracts) as stored with the job: null when it states no pay. */
  salary_top_yearly: number | null;
  work_arrangement: string;
  remote_region: string | null;
  employment_type: string | null;
  seniority: string | null;
  visa_sponsorship: string;
  /** ISO 639-1 codes of the spoken languages the posting requires (jobTextFacts); empty: none. */
  required_languages: string[] | null;
  title: string;
  description: string;
}

/** A remote job open to these regions is open to every user's region list. */
const OPEN_EVERYWHERE = new Set(['worldwide', 'anywhere', 'global', 'world']);

/**
 * The job's phrases (keywordPhrases of title and description) that are some user's excluded
 * keyword, read once per job through the GIN index on users.excluded_keywords. Usually none or
 * a few: the per-user test then compares each user's keywords with this short list instead of
 * with the thousands of phrases of a description, and disappears when the list is empty.
 */
export function excludedKeywordsQuery(job: Pick<JobFacts, 'title' | 'description'>): Prisma.Sql {
  const phrases = keywordPhrases(job.title, job.description);
  return Prisma.sql`
    SELECT DISTINCT k.keyword FROM users u, unnest(u.excluded_keywords) AS k(keyword)
    WHERE u.excluded_keywords && ${phrases}::text[] AND k.keyword = ANY(${phrases}::text[])`;
}

/** What of the job someone muted (user_mutes): its company, and the muted keywords among its phrases. */
export interface MutedHits {
  company: boolean;
  keywords: string[];
}

/** Read once per job through the (kind, key) index, like excludedKeywordsQuery: usually nothing. */
export function mutedHitsQuery(job: Pick<JobFacts, 'title' | 'description' | 'company_key'>): Prisma.Sql {
  return Prisma.sql`
    SELECT DISTINCT kind, key FROM user_mutes
    WHERE (kind = 'company' AND key = ${job.company_key}) OR (kind = 'keyword' AND key = ANY(${keywordPhrases(job.title, job.description)}::text[]))`;
}

export function mutedHits(rows: readonly { kind: string; key: string }[]): MutedHits {
  return { company: rows.some((row) => row.kind === 'company'), keywords: rows.filter((row) => row.kind === 'keyword').map((row) => row.key) };
}

/**
 * One hard filter or must-have as fan-out applies it: `pass` is a condition on `u` that is TRUE
 * exactly when the user keeps the job (NULL counts as failing, as in a WHERE clause). The
 * values say what was compared, for the decision log ("Left out: onsite; you accept remote").
 */
export interface FilterCheck {
  reason: FanoutReason;
  pass: Prisma.Sql;
  /** What the job says, as fan-out compared it (a parameter). */
  jobValue: string | null;
  /** The user's setting, read from `u` when the pair is left out. */
  userValue: Prisma.Sql | null;
}

const list = (column: string) => Prisma.sql`array_to_string(${Prisma.raw(column)}, ', ')`;

/**
 * The hard filters and must-haves (docs/product.md, "Must-haves") for one job, in the order the
 * decision log names the first one failed. The one definition of each: userFilters makes the
 * WHERE clause of them and leftOutReason the CASE expression. The job's facts are parameters:
 * user text never becomes SQL or a pattern. A fact the job does not state passes every
 * must-have on it, except where the user chose otherwise (pay, sponsorship).
 * `(…) IS NOT FALSE` lets a NULL array (never written by JobPing) exclude nothing.
 */
export function filterChecks(job: JobFacts, hitKeywords: readonly string[], muted: MutedHits = { company: false, keywords: [] }): FilterCheck[] {
  const checks: FilterCheck[] = [];
  const check = (reason: FanoutReason, pass: Prisma.Sql, jobValue: string | number | null = null, userValue: Prisma.Sql | null = null) =>
    checks.push({ reason, pass, jobValue: jobValue === null ? null : String(jobValue), userValue });
  const where = job.location && job.location.trim() !== '' ? job.location.trim() : null;

  if (!job.remote) {
    check('remote_only', Prisma.sql`NOT u.remote_only`, where ?? job.work_arrangement);
    if (where) {
      check(
        'location',
        Prisma.sql`(cardinality(u.locations) = 0
          OR EXISTS (SELECT 1 FROM unnest(u.locations) AS l(v) WHERE strpos(${where.toLowerCase()}, lower(btrim(l.v))) > 0))`,
        where,
        list('u.locations'),
      );
    }
  }

  if (job.work_arrangement !== 'unknown') {
    check(
      'work_arrangement',
      Prisma.sql`(cardinality(u.work_arrangements) = 0 OR ${job.work_arrangement}::text = ANY(u.work_arrangements)) IS NOT FALSE`,
      where && job.work_arrangement !== 'remote' ? `${job.work_arrangement} in ${where}` : job.work_arrangement,
      list('u.work_arrangements'),
    );
  }
  if (job.work_arrangement === 'remote' && job.remote_region) {
    const regions = keywordPhrases(job.remote_region);
    if (!regions.some((phrase) => OPEN_EVERYWHERE.has(phrase))) {
      check(
        'remote_region',
        Prisma.sql`(cardinality(u.remote_regions) = 0 OR u.remote_regions && ${regions}::text[]) IS NOT FALSE`,
        job.remote_region,
        list('u.remote_regions'),
      );
    }
  }

  if (job.salary_top_yearly !== null) {
    check('salary_below_min', Prisma.sql`(u.min_salary IS NULL OR u.min_salary <= ${job.salary_top_yearly})`, job.salary_top_yearly, Prisma.sql`u.min_salary::text`);
  } else {
    check('salary_unstated', Prisma.sql`(u.min_salary IS NULL OR u.keep_unstated_salary)`, null, Prisma.sql`u.min_salary::text`);
  }

  if (job.visa_sponsorship === 'not_offered') check('visa_not_offered', Prisma.sql`NOT u.needs_visa_sponsorship`, job.visa_sponsorship);
  else if (job.visa_sponsorship !== 'offered') check('visa_unknown', Prisma.sql`(NOT u.needs_visa_sponsorship OR u.keep_unknown_sponsorship)`, job.visa_sponsorship);

  // Languages: every language the job requires must be one the user works in; a user who named
  // none accepts any, and a job that requires none passes.
  const languages = job.required_languages ?? [];
  if (languages.length > 0) {
    check('language', Prisma.sql`(cardinality(u.languages) = 0 OR u.languages @> ${languages}::text[]) IS NOT FALSE`, languages.join(', '), list('u.languages'));
  }

  const level = seniorityLevels.indexOf(job.seniority as SeniorityLevel);
  if (level >= 0) {
    // Ranks compare as positions in seniorityLevels, passed as a parameter: one order, in contracts.
    check(
      'seniority',
      Prisma.sql`(u.seniority_min IS NULL OR array_position(${[...seniorityLevels]}::text[], u.seniority_min) <= ${level + 1}) IS NOT FALSE
          AND (u.seniority_max IS NULL OR array_position(${[...seniorityLevels]}::text[], u.seniority_max) >= ${level + 1}) IS NOT FALSE`,
      job.seniority,
      Prisma.sql`coalesce(u.seniority_min, '') || '–' || coalesce(u.seniority_max, '')`,
    );
  }

  if (employmentTypes.includes(job.employment_type as JobEmploymentType)) {
    check(
      'employment_type',
      Prisma.sql`(cardinality(u.employment_types) = 0 OR ${job.employment_type}::text = ANY(u.employment_types)) IS NOT FALSE`,
      job.employment_type,
      list('u.employment_types'),
    );
  }

  if (hitKeywords.length > 0) {
    const hits = [...hitKeywords];
    check(
      'excluded_keyword',
      Prisma.sql`(u.excluded_keywords && ${hits}::text[]) IS NOT TRUE`,
      null,
      Prisma.sql`array_to_string(ARRAY(SELECT k FROM unnest(u.excluded_keywords) AS k WHERE k = ANY(${hits}::text[])), ', ')`,
    );
  }

  check('excluded_company', Prisma.sql`(${job.company_key}::text = ANY(u.excluded_company_keys)) IS NOT TRUE`, job.company);

  // Mutes: tested on the user row (muted_*_keys, kept equal to user_mutes by a trigger), like
  // the excluded keywords: no per-user sub-select whose plan depends on statistics (on stale ones
  // after a bulk insert of mutes it once stalled a fan-out). Only when someone muted what this job has.
  if (muted.company) {
    check('muted_company', Prisma.sql`(${job.company_key}::text = ANY(u.muted_company_keys)) IS NOT TRUE`, job.company);
  }
  if (muted.keywords.length > 0) {
    const keys = [...muted.keywords];
    check(
      'muted_keyword',
      Prisma.sql`(u.muted_keyword_keys && ${keys}::text[]) IS NOT TRUE`,
      null,
      // Only for the users left out: the words as they muted them.
      Prisma.sql`(SELECT string_agg(m.value, ', ') FROM user_mutes m WHERE m.user_id = u.id AND m.kind = 'keyword' AND m.key = ANY(${keys}::text[]))`,
    );
  }
  return checks;
}

/** The checks as the conditions of a WHERE clause on `u` (each `AND …`): the users who keep the job. */
export function userFilters(checks: readonly FilterCheck[]): Prisma.Sql {
  return checks.length === 0 ? Prisma.empty : Prisma.join(checks.map((c) => Prisma.sql`AND (${c.pass})`), '\n');
}

/** The first check a user fails, as a CASE expression on `u`: NULL when they keep the job. */
export function leftOutReason(checks: readonly FilterCheck[]): Prisma.Sql {
  if (checks.length === 0) return Prisma.sql`NULL::text`;
  return Prisma.sql`CASE ${Prisma.join(
    checks.map((c) => Prisma.sql`WHEN (${c.pass}) IS NOT TRUE THEN ${c.reason}::text`),
    ' ',
  )} END`;
}

/** For a row of `reason` (leftOutReason's result), what the job said and what the user had set. */
export function reasonValues(checks: readonly FilterCheck[], reason: Prisma.Sql): { jobValue: Prisma.Sql; userValue: Prisma.Sql } {
  const cases = (pick: (c: FilterCheck) => Prisma.Sql | null) => {
    const arms = checks.flatMap((c) => {
      const value = pick(c);
      return value ? [Prisma.sql`WHEN ${c.reason}::text THEN ${value}`] : [];
    });
    return arms.length === 0 ? Prisma.sql`NULL::text` : Prisma.sql`CASE ${reason} ${Prisma.join(arms, ' ')} END`;
  };
  return {
    jobValue: cases((c) => (c.jobValue === null ? null : Prisma.sql`${c.jobValue}::text`)),
    userValue: cases((c) => c.userValue),
  };
}
