// @jobping/sources: every job board behind one interface (fetch → normalised postings), the
// HTTP client boards are read through, and the normalisation every adapter ends with.
export { type FetchContext, type SourceAdapter, type SourceDefinition, BoardFormatError } from './types';
export { companyFromSlug, companyName, joinUrl, parseBoard, parseItems } from './parse';
export { createAdapterRegistry, FIXTURE_SOURCES_OFF, type AdapterRegistry, type RegistryConfig } from './registry';
export {
  createHttpClient,
  createHttpClientFromConfig,
  UpstreamHttpError,
  isRetryableStatus,
  MAX_REDIRECTS,
  sameHostRedirect,
  type HttpClient,
  type HttpClientOptions,
  type HttpClientSettings,
  type ProxySettings,
  type RequestOptions,
} from './http-client';
export {
  canonicalUrl,
  cleanLocation,
  cleanText,
  decodeEntities,
  descriptionMarkup,
  firstEmploymentType,
  htmlToText,
  looksRemote,
  normalizeEmploymentType,
  normalizePeriod,
  parseDate,
  remoteRegionOf,
  repairMojibake,
  sanitizeDescription,
  toPosting,
  workArrangementFrom,
  type PostingEmploymentType,
  type NormalizedPosting,
  type RawPosting,
} from './posting';
export { CHROMIUM_ARGS, chromiumLaunchOptions, launchChromium, type ChromiumSettings } from './chromium';
export { arbeitnowAdapter, parseArbeitnowPage } from './arbeitnow';
export { ashbyAdapter, parseAshbyBoard } from './ashby';
export { fixtureAdapter, FIXTURES_FOLDER } from './fixture';
export { greenhouseAdapter, parseGreenhouseJobs } from './greenhouse';
export { leverAdapter, parseLeverPostings } from './lever';
export { linkedInAdapter, type LinkedInOptions } from './linkedin';
export { parseRemoteOk, remoteOkAdapter } from './remoteok';
export { parseRemotive, remotiveAdapter } from './remotive';
export { workableAdapter, parseWorkableWidget } from './workable';
export { smartRecruitersAdapter } from './smartrecruiters';
export { recruiteeAdapter, parseRecruiteeOffers } from './recruitee';
export { personioAdapter, parsePersonioFeed } from './personio';
export { teamtailorAdapter, parseTeamtailorFeed } from './teamtailor';
export { bambooHrAdapter } from './bamboohr';
export { joinAdapter } from './join';
export { workdayAdapter } from './workday';
export { boardApiBaseFields, boardApiBasesAt, createBoardAdapters, type BoardApiBases } from './board-settings';
export { arrangementFromText, BOARD_PLACEHOLDER } from './ats-common';
export { boardFromUrl, boardsInPage, type BoardRef } from './ats-urls';
export { DETECTABLE_TYPES, DetectionError, detectSource, PREVIEW_TITLES, type DetectDeps, type Detection, type DetectionFailure } from './detect';
