// The local scorer's weights, in one place. A job starts at 100; each mismatch with the
// user's prompt subtracts the points below and some also cap the score (a dealbreaker such
// as an excluded industry cannot be outweighed by a good salary). Recommendation:
// >= APPLY_FROM "apply", >= CONSIDER_FROM "consider", else "skip".

export const APPLY_FROM = 75;
export const CONSIDER_FROM = 50;

export const WEIGHTS = {
  /** The company works in an industry the user ruled out ("no crypto"). */
  excludedIndustry: { penalty: 70, cap: 10 },
  /** The job's main language is one the user ruled out ("no PHP"). */
  excludedSkill: { penalty: 45, cap: 30 },
  /** A role family the user ruled out ("no management"). */
  excludedFamily: { penalty: 60, cap: 15 },

  /** Role: the job's family is unrelated to every family the user named. */
  familyMismatch: { penalty: 55, cap: 25 },
  /** Role: the job title matches no role the rules know, and shares no word with the role asked for. */
  roleUnknown: 30,
  /** Role: the prompt's role is one the rules do not know, and the title does not name it in its words (as cautious as an unknown title). */
  roleUnknownPrompt: 30,
  /** …and the title reads as a role the rules do know: a known role that does not carry the user's own role words is most likely another one. */
  roleUnknownPromptKnownTitle: 40,
  /** …and the title shares a word with it but is another kind of job ("Electrical Estimator" for an electrician). */
  roleUnknownOtherHead: 35,
  /** …and the title does not name it, but the posting's text does, more than once. */
  roleUnknownPromptInText: 20,
  /** Role: the title matches no known role but carries a word of the role asked for. */
  roleUnknownNamed: 10,
  /** Role: the job title carries what the user ruled out ("no UX writing": "UX Writer"). */
  excludedWordInTitle: { penalty: 60, cap: 20 },
  /** …one ruled-out word in a title that also names the role asked for. */
  excludedWordBeside: 20,
  /** …a ruled-out word in the title's own words ("Paediatric Occupational Therapist" for "not paediatrics"), not in its brackets or after a dash. */
  excludedWordInTitleHead: 35,
  /** A condition or workplace the user ruled out (night shifts, nursing homes, agencies). */
  excludedCondition: { penalty: 60, cap: 20 },
  /** …named once in the posting's text only (it may be an exception). */
  excludedConditionMention: 35,
  /** …one the user would only rather avoid ("no weekends if possible"). */
  excludedConditionSoft: 10,
  /** The posting requires a spoken language the user said they do not work in. */
  missingSpokenLanguage: { penalty: 40, cap: 35 },
  /** …a spoken language the posting requires that is not among those the user listed (inferred: a doubt, no cap). */
  unlistedSpokenLanguage: 35,
  /** Weekly hours far from the ones the user asked for (36–40 for 28–32). */
  hoursOff: { penalty: 35, cap: 40 },
  /** Role: related but not the same (× (1 − compatibility)): full-stack for backend (0.7) loses 14; a neighbour a recruiter would rarely send (0.3) 32, below the default threshold. */
  familyDistance: 45,

  /** Languages: none of the user's languages appear in the posting. */
  noWantedLanguage: 35,
  /** Languages: only a close relative (Node.js/JavaScript for TypeScript). */
  relatedLanguageOnly: 10,
  /** Languages: mentioned once in passing, not in the title or requirements. */
  weakLanguageEvidence: 5,
  /** Tools: × share of the named tools (PostgreSQL, Kafka …) the posting does not mention. */
  missingTools: 6,

  /** Seniority: one level below what the user asked for (mid-level for senior). */
  seniorityOneBelow: 30,
  /** Seniority: one level above (staff for senior): a stretch, often welcome. */
  seniorityOneAbove: 5,
  /** Seniority: two or more levels apart (junior or intern for senior). */
  seniorityFarOff: { penalty: 45, cap: 35 },
  /** Seniority: the posting does not say. */
  seniorityUnknown: 6,
  /** The posting asks outright for far more years of experience than the user states (not a cap: a recruiter might still try). */
  farMoreYears: 35,

  /** Location: remote, but only from one country inside the user's region. */
  remoteCountryOnly: 10,
  /** Location: remote, but the posting does not say from where. */
  remoteScopeUnknown: 4,
  /** Location: remote only from outside the user's region ("US only" for the EU). */
  remoteOutsideRegion: { penalty: 50, cap: 35 },
  /** Location: hybrid in the user's region when they asked for remote. */
  hybridWhenRemote: { penalty: 25, cap: 65 },
  /** Location: on-site in the user's region when they asked for remote. */
  onsiteWhenRemote: { penalty: 35, cap: 55 },
  /** Location: office outside the user's region. */
  officeOutsideRegion: { penalty: 50, cap: 30 },

  /** Salary: the user named a minimum and the posting names no salary. */
  salaryUnknown: 8,
  /** Salary: the range starts below the minimum but reaches it: base + perShareBelow × share of the range below it. */
  salaryBottomBelow: { base: 4, perShareBelow: 12 },
  /** Salary: the top of the range is below the minimum by more than `tolerance` (rounding and
   * approximate exchange rates): base + 100 × shortfall, at most max. */
  salaryTopBelow: { base: 31, perShortfall: 100, max: 50, tolerance: 0.01 },

  /** Employment: a contract / part-time / internship the user did not ask for. */
  contract: 10,
  partTime: 20,
  /** …part-time when the user asked for full time. */
  partTimeWhenFullTime: { penalty: 40, cap: 40 },
  /** A fixed term or self-employment when the user asked for a permanent job ("CDI only", "PAYE"). */
  notPermanent: { penalty: 40, cap: 30 },
  internship: 15,
  /** A contract shorter than the shortest the user takes ("6 months +" and a three-month contract). */
  contractTooShort: { penalty: 40, cap: 30 },
  /** A permanent post for a user who asked for contracts only. */
  permanentWhenContractOnly: { penalty: 40, cap: 30 },
  /** UK contracting: inside IR35 for a user who asked for outside only. */
  insideIr35: { penalty: 45, cap: 30 },
  /** A full-time post for a user who asked for part-time only. */
  fullTimeWhenPartTime: { penalty: 35, cap: 45 },

  /** Company: a consultancy or agency when the user asked for a product company. */
  consultancy: 20,
  /** Company: more people than the user's limit (twice the limit or more: large). */
  companyTooBig: { penalty: 10, large: 15 },
  /** Culture: on-call every four weeks or more often, or 24/7 without a rotation, when the user asked for fair on-call. */
  heavyOnCall: 6,
  /** Culture: the user wants no on-call and the job has it. */
  unwantedOnCall: 10,
  /** Culture: on call more often than the user's limit ("at most one week a month" and one week in three). */
  onCallTooOften: 35,
  /** Location: more office days a week than the user's limit ("max 3 days in office" and four). */
  tooManyOfficeDays: 35,
  /** Location: more travel than the user's limit ("max 20 % travel" and about half the time on the road). */
  travelOverLimit: 35,
  /** Employment: the posting wants joiners sooner than the user's notice period lets them start. */
  noticeTooLong: 35,
  /** Culture: more weekend days a month than the user accepts ("one Saturday a month" and Tuesday to Saturday). */
  tooManyWeekends: 35,
  /** Culture: the posting talks of crunch or overtime. */
  crunch: 8,
  /** Industry: the user named industries they prefer and this is none of them. */
  otherIndustry: 8,

  /** "Not interested" (near-dismissals.ts): the same posting as a job the user dismissed, again. */
  dismissedPosting: { penalty: 45, cap: 40 },
  /** …the same role at the same company as a dismissed job. */
  dismissedRole: { penalty: 30, cap: 55 },
  /** …another role at a company the user dismissed a job of for the company itself. */
  dismissedCompany: 20,
} as const;
