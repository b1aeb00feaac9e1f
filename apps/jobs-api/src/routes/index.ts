import type { Route } from '@jobping/http-kit';
import type { AdminService } from '../services/admin';
import type { UserChannelsService } from '../services/channels';
import type { JobService } from '../services/jobs';
import type { UserMatchesService } from '../services/matches';
import type { UserNotificationsService } from '../services/notifications';
import type { DecisionsService } from '../services/decisions';
import type { ScrapeRunService } from '../services/scrape-runs';
import type { ThresholdPreviewService } from '../services/threshold-preview';
import type { SourceDetectService } from '../services/source-detect';
import { adminRoutes } from './admin';
import { channelRoutes } from './channels';
import { decisionRoutes } from './decisions';
import { jobRoutes } from './jobs';
import { meRoutes } from './me';
import { thresholdPreviewRoutes } from './threshold-preview';

export interface JobsApiServices {
  jobs: JobService;
  runs: ScrapeRunService;
  matches: UserMatchesService;
  notifications: UserNotificationsService;
  admin: AdminService;
  detector: SourceDetectService;
  thresholdPreview: ThresholdPreviewService;
  channels: UserChannelsService;
  decisions: DecisionsService;
}

/** Every route jobs-api serves. Declaring them runs no handler: services are used per request only. */
export function jobsApiRoutes(services: JobsApiServices): Route[] {
  return [
    ...jobRoutes(services.jobs, services.runs),
    ...meRoutes(services.matches, services.notifications),
    ...adminRoutes(services.admin, services.detector),
    ...thresholdPreviewRoutes(services.thresholdPreview),
    ...channelRoutes(services.channels),
    ...decisionRoutes(services.decisions),
  ];
}
