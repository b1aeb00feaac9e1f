// Names for the API shapes the app reads and sends, taken from the types generated from the
// APIs' OpenAPI documents (src/api/generated, `pnpm api-types:write`; typecheck fails while
// they are stale). Written by hand here: the names, and the generic list shape `Page`.
import type { operations as AuthApi } from './generated/auth-api';
import { pathsApiAdminSourcesGetParametersQueryTypeValues, type operations as JobsApi } from './generated/jobs-api';

export { authApiLimits } from './generated/auth-api';

/** The JSON answer of an operation for one status. */
type Answer<Operation, Status extends number = 200> = Operation extends { responses: { [S in Status]: { content: { 'application/json': infer Body } } } }
  ? Body
  : never;
/** The JSON body an operation takes. */
type RequestBody<Operation> = Operation extends { requestBody?: { content: { 'application/json': infer Body } } } ? Body : never;

// ---- auth-api ------------------------------------------------------------------------------

export type User = Answer<AuthApi['getApiUsersMe']>;
/** A session as auth-api answers it (the refresh token is only ever the httpOnly cookie). */
export type Session = Answer<AuthApi['postApiLogin']>;
export type Credentials = RequestBody<AuthApi['postApiLogin']>;
export type PromptBody = RequestBody<AuthApi['putApiUsersMePrompt']>;
export type DiscordBody = RequestBody<AuthApi['putApiUsersMeDiscord']>;
export type ThresholdBody = RequestBody<AuthApi['putApiUsersMeThreshold']>;
export type FiltersBody = RequestBody<AuthApi['putApiUsersMeFilters']>;
export type Mute = Answer<AuthApi['postApiUsersMeMutes'], 201>;
export type MuteBody = RequestBody<AuthApi['postApiUsersMeMutes']>;
export type SnoozeBody = RequestBody<AuthApi['putApiUsersMeSnooze']>;

// ---- jobs-api ------------------------------------------------------------------------------

/** A cursor-paginated list (every list answer is one): pass `next_cursor` back unchanged as `cursor`. */
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export type JobPage = Answer<JobsApi['getApiJobs']>;
export type JobSummary = JobPage['items'][number];
export type Company = JobSummary['company'];
export type Salary = JobSummary['salary'];

export type MatchPage = Answer<JobsApi['getApiUsersMeMatches']>;
export type Match = MatchPage['items'][number];
export type Feedback = RequestBody<JobsApi['postApiUsersMeMatchesJobIdFeedback']>['feedback'];
export type FeedbackResult = Answer<JobsApi['postApiUsersMeMatchesJobIdFeedback']>;
export type NotInterestedBody = RequestBody<JobsApi['putApiUsersMeJobsJobIdNotInterested']>;
export type DismissReason = NotInterestedBody['reason'];
export type NotInterested = Answer<JobsApi['putApiUsersMeJobsJobIdNotInterested']>;

export type NotificationPage = Answer<JobsApi['getApiNotifications']>;
export type Notification = NotificationPage['items'][number];

export type ThresholdPreview = Answer<JobsApi['getApiUsersMeThresholdPreview']>;

export type Decision = Answer<JobsApi['getApiUsersMeDecisions']>;
export type NearMissPage = Answer<JobsApi['getApiUsersMeNearMisses']>;
export type NearMiss = NearMissPage['items'][number];

export type ScrapeRunCreated = Answer<JobsApi['postApiJobsFetch'], 202>;
export type ScrapeRun = Answer<JobsApi['getApiScrapeRunsId']>;

export type SourcePage = Answer<JobsApi['getApiAdminSources']>;
export type Source = SourcePage['items'][number];
type NewSourceBody = RequestBody<JobsApi['postApiAdminSources']>;
export type SourceType = NewSourceBody['type'];
/** A new source of any type (one body per type in the document; the API checks the identifier by the type's rule). */
export type NewSource = Omit<NewSourceBody, 'type'> & { type: SourceType };
export type SourceChange = RequestBody<JobsApi['patchApiAdminSourcesId']>;
/** What jobs-api found behind a pasted careers-page URL: the board and a preview of its jobs. */
export type DetectedSource = Answer<JobsApi['postApiAdminSourcesDetect']>;
/** Every source type jobs-api accepts, in its order (from `jobSourceTypes` in @jobping/contracts, through the document). */
export const SOURCE_TYPES: readonly SourceType[] = pathsApiAdminSourcesGetParametersQueryTypeValues;

export type Pipeline = Answer<JobsApi['getApiAdminPipeline']>;

export type ChannelList = Answer<JobsApi['getApiUsersMeChannels']>;
export type Channel = ChannelList['items'][number];
export type NewChannel = RequestBody<JobsApi['postApiUsersMeChannels']>;
/** The answer of adding a channel: the generic webhook's signing secret is in it, this once. */
export type CreatedChannel = Answer<JobsApi['postApiUsersMeChannels'], 201>;
export type ChannelChange = RequestBody<JobsApi['patchApiUsersMeChannelsId']>;
export type ChannelTestResult = Answer<JobsApi['postApiUsersMeChannelsIdTest']>;
