import { infiniteQueryOptions, queryOptions, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { api, query } from './client';
import type { ChannelList, Decision, Feedback, JobPage, NearMissPage, MatchPage, Notification, NotificationPage, Page, Pipeline, ScrapeRun, SourcePage, ThresholdPreview } from './types';

/** What the jobs browser searches for (the form's fields, as the query string takes them). */
export interface JobSearch {
  q: string;
  location: string;
  company: string;
  remote: '' | 'true' | 'false';
  min_salary: string;
}

const THRESHOLD_PREVIEW = ['threshold-preview'] as const;

/** Every cached API answer, by key: mutations invalidate or update these. */
export const queryKeys = {
  jobs: (search: JobSearch) => ['jobs', search] as const,
  matches: ['matches'] as const,
  notifications: ['notifications', 'list'] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
  /** Every window's preview: a new prompt changes their estimates. */
  thresholdPreviews: THRESHOLD_PREVIEW,
  thresholdPreview: (days: number) => [...THRESHOLD_PREVIEW, days] as const,
  decision: (jobId: string) => ['decisions', jobId] as const,
  nearMisses: ['near-misses'] as const,
  scrapeRun: (id: string) => ['scrape-runs', id] as const,
  /** Everything of the admin page that a finished scrape run changes. */
  admin: ['admin'] as const,
  sources: ['admin', 'sources'] as const,
  pipeline: ['admin', 'pipeline'] as const,
  channels: ['channels'] as const,
  mutes: ['mutes'] as const,
};

/** A cursor-paginated list: the first page, then one more per fetchNextPage; `data` is every item so far. */
function pagedQuery<T>(queryKey: readonly unknown[], load: (cursor: string | null) => Promise<Page<T>>) {
  return infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam }) => load(pageParam),
    initialPageParam: null as string | null,
    // null: the last page (TanStack Query's "no next page").
    getNextPageParam: (page) => page.next_cursor,
    select: (data) => data.pages.flatMap((page) => page.items),
  });
}

export const jobsQuery = (search: JobSearch) =>
  pagedQuery(queryKeys.jobs(search), (cursor) => api<JobPage>('GET', `/api/jobs${query({ ...search, limit: 20, cursor })}`));

export const matchesQuery = () => pagedQuery(queryKeys.matches, (cursor) => api<MatchPage>('GET', `/api/users/me/matches${query({ limit: 10, cursor })}`));

/** Every page answers the unread count too: the header's badge takes it from there. */
export const notificationsQuery = (client: QueryClient) =>
  pagedQuery(queryKeys.notifications, async (cursor) => {
    const page = await api<NotificationPage>('GET', `/api/notifications${query({ limit: 20, cursor })}`);
    client.setQueryData(queryKeys.unreadCount, page.unread_count);
    return page;
  });

export const unreadCountQuery = () =>
  queryOptions({
    queryKey: queryKeys.unreadCount,
    queryFn: async () => (await api<NotificationPage>('GET', '/api/notifications?unread=true&limit=1')).unread_count,
  });

export const thresholdPreviewQuery = (days = 7) =>
  queryOptions({ queryKey: queryKeys.thresholdPreview(days), queryFn: () => api<ThresholdPreview>('GET', `/api/users/me/threshold-preview${query({ days })}`) });

/** "Why (not)?" for one job: asked when the panel opens, again on every opening (decisions move while a job is in the pipeline). */
export const decisionQuery = (jobId: string) =>
  queryOptions({ queryKey: queryKeys.decision(jobId), queryFn: () => api<Decision>('GET', `/api/users/me/decisions${query({ job_id: jobId })}`), staleTime: 0 });

export const nearMissesQuery = () =>
  pagedQuery(queryKeys.nearMisses, (cursor) => api<NearMissPage>('GET', `/api/users/me/near-misses${query({ limit: 10, cursor })}`));

export const FINISHED_RUN_STATUSES: ReadonlySet<ScrapeRun['status']> = new Set(['succeeded', 'partial', 'failed']);

export const scrapeRunQuery = (id: string) =>
  queryOptions({ queryKey: queryKeys.scrapeRun(id), queryFn: () => api<ScrapeRun>('GET', `/api/scrape-runs/${id}`) });

export const sourcesQuery = () => queryOptions({ queryKey: queryKeys.sources, queryFn: () => api<SourcePage>('GET', '/api/admin/sources?limit=100') });

export const pipelineQuery = () => queryOptions({ queryKey: queryKeys.pipeline, queryFn: () => api<Pipeline>('GET', '/api/admin/pipeline') });

// ---- cache updates after a change the server confirmed --------------------------------------

function updateItems<T>(client: QueryClient, queryKey: readonly unknown[], update: (item: T) => T): void {
  client.setQueriesData<InfiniteData<Page<T>>>({ queryKey }, (data) =>
    data ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map(update) })) } : data,
  );
}

export function setMatchFeedback(client: QueryClient, jobId: string, feedback: Feedback): void {
  updateItems<MatchPage['items'][number]>(client, queryKeys.matches, (match) => (match.job_id === jobId ? { ...match, feedback } : match));
}

export function replaceNotification(client: QueryClient, updated: Notification): void {
  updateItems<Notification>(client, queryKeys.notifications, (n) => (n.id === updated.id ? updated : n));
}

export function markAllNotificationsRead(client: QueryClient): void {
  updateItems<Notification>(client, queryKeys.notifications, (n) => ({ ...n, read: true }));
  client.setQueryData(queryKeys.unreadCount, 0);
}

export const channelsQuery = () => queryOptions({ queryKey: queryKeys.channels, queryFn: () => api<ChannelList>('GET', '/api/users/me/channels') });
