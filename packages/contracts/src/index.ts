export { ContractError } from './contract-error';
export { describeIssues } from './issues';
export { SCHEMA_VERSION, envelopeSchema, traceIdSchema, type Envelope } from './envelope';
export * from './streams';
export {
  createEnvelope,
  decodeEntry,
  encodeEntries,
  encodeEntry,
  fromFieldList,
  newTraceId,
  parseMessage,
  toFieldList,
  type DecodedEntry,
  type EntryFields,
} from './wire';
export * from './ai';
export { parseScrapeRunRequest, scrapeQueue, scrapeRunRequestSchema, type ScrapeRunRequest } from './queues';
export {
  jobSourceCompanyNameSchema,
  jobSourceLimits,
  jobSourceLocationSchema,
  jobSourceSchema,
  jobSourceSearchTermsSchema,
  jobSourceTrust,
  jobSourceTypeSchema,
  jobSourceTypes,
  sourceTrust,
  sourceTrustTiers,
  type JobSourceInput,
  type JobSourceSpec,
  type JobSourceType,
} from './job-sources';
export {
  WEEKS_PER_YEAR,
  WORK_DAYS_PER_WEEK,
  WORK_HOURS_PER_DAY,
  annualPay,
  isSalaryPeriod,
  periodsPerYear,
  salaryPeriodSchema,
  salaryPeriods,
  yearlyTopPay,
  type SalaryPeriod,
} from './salary';
export { findPayInText, parsePayText, YEARLY_WITHOUT_PERIOD_FROM, type StatedPay } from './pay-text';
export { workArrangementSchema, workArrangements, type WorkArrangement } from './work-arrangement';
export { parseSeniority, seniorityLevelSchema, seniorityLevels, yearsOfExperience, type SeniorityLevel, type StatedSeniority } from './seniority';
export { parseVisaSponsorship, visaSponsorshipSchema, visaSponsorships, type VisaSponsorship } from './visa-sponsorship';
export { JOB_TEXT_FACTS_VERSION, jobTextFacts, type JobTextFacts } from './job-text-facts';
export { parseLanguageRequirements, spokenLanguageCodes } from './spoken-languages';
export {
  channelKindSchema,
  channelKinds,
  channelModeSchema,
  clockTimeOf,
  digestHourSchema,
  digestWeekdaySchema,
  minuteOfDay,
  quietHoursSchema,
  channelModes,
  channelSettingsSchemas,
  channelStoredSettingsSchemas,
  channelThresholdSchema,
  discordChannelSettingsSchema,
  emailChannelSettingsSchema,
  parseStoredChannelSettings,
  slackChannelSettingsSchema,
  telegramChannelSettingsSchema,
  timeZoneSchema,
  webhookChannelSettingsSchema,
  webhookSecretSchema,
  type ChannelKind,
  type ChannelMode,
  type ChannelSettings,
  type StoredChannelSettings,
} from './channels';
export { channelThreshold, inAppThreshold, publishThreshold } from './notify-thresholds';
export { employmentTypeSchema, employmentTypes, type JobEmploymentType } from './employment-type';
export { KEYWORD_MAX_WORDS, keywordPhrases, keywordWords, normalizeKeyword } from './keywords';
export { companyKey, foldName } from './company-key';
export { dismissReasonSchema, dismissReasons, muteKindSchema, muteKinds, type DismissReason, type MuteKind } from './user-controls';
export {
  decisionReasonSchema,
  decisionStages,
  fanoutReasons,
  laterDecisionReasons,
  type DecisionReason,
  type DecisionStage,
  type FanoutReason,
  type LaterDecisionReason,
} from './decisions';
