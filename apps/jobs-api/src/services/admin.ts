import type { JobSource, PrismaClient } from '@jobping/db';
import { conflict, fieldIssues, HttpError, notFound, validationFailed } from '@jobping/http-kit';
import type { Redis } from '@jobping/redis';
import { streamsStatus } from '@jobping/streams';
import { page } from '../cursor';
import { createSourceBodySchema, type CreateSourceBody, type PipelineView, type SourcesQuery, type SourceView, type UpdateSourceBody } from '../schemas';
import { cachedDecisionCounts } from './decision-counts';
import { isPrismaError } from './errors';
import type { ScrapeQueueProducer } from './scrape-queue-producer';

function sourceView(source: JobSource): SourceView {
  return {
    id: source.id,
    type: source.type,
    identifier: source.identifier,
    search_terms: source.searchTerms,
    location: source.location,
    company_name: source.companyName,
    enabled: source.enabled,
    backfilled_at: source.backfilledAt?.toISOString() ?? null,
    last_run_at: source.lastRunAt?.toISOString() ?? null,
    last_success_at: source.lastSuccessAt?.toISOString() ?? null,
    last_error: source.lastError,
    last_jobs_seen: source.lastJobsSeen,
    consecutive_failures: source.consecutiveFailures,
    paused_at: source.pausedAt?.toISOString() ?? null,
    pause_reason: source.pauseReason,
    created_at: source.createdAt.toISOString(),
    updated_at: source.updatedAt.toISOString(),
  };
}

const duplicate = () => conflict('source_exists', 'A source with this type and identifier exists already.');
const fixtureSourcesOff = () =>
  new HttpError(
    422,
    'fixture_sources_disabled',
    'Fixture sources read local files and any URL: they are for the demo and tests, and only allowed when SCRAPE_FIXTURE_SOURCES=true (never in production). Use a job board type instead.',
  );

/** Job sources (what the scraper collects) and the pipeline overview: admin-only data. */
export class AdminService {
  private readonly decisionCounts: ReturnType<typeof cachedDecisionCounts>;

  constructor(
    private readonly deps: {
      prisma: PrismaClient;
      redis: Redis;
      queue: ScrapeQueueProducer;
      streamKeyPrefix: string;
      staleGroupSeconds: number;
      /** SCRAPE_FIXTURE_SOURCES: whether enabled `fixture` sources may exist. */
      allowFixtureSources: boolean;
    },
  ) {
    this.decisionCounts = cachedDecisionCounts(deps.prisma);
  }

  async listSources(query: SourcesQuery) {
    const rows = await this.deps.prisma.jobSource.findMany({
      where: {
        ...(query.type ? { type: query.type } : {}),
        ...(query.enabled !== undefined ? { enabled: query.enabled } : {}),
        ...(query.cursor
          ? { OR: [{ createdAt: { gt: query.cursor[0] } }, { createdAt: query.cursor[0], id: { gt: query.cursor[1] } }] }
          : {}),
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: query.limit + 1,
    });
    const result = page(rows, query.limit, (row) => [row.createdAt.toISOString(), row.id]);
    return { items: result.items.map(sourceView), next_cursor: result.next_cursor };
  }

  async createSource(body: CreateSourceBody): Promise<SourceView> {
    if (body.type === 'fixture' && !this.deps.allowFixtureSources) throw fixtureSourcesOff();
    try {
      const source = await this.deps.prisma.jobSource.create({
        data: {
          type: body.type,
          identifier: body.identifier,
          searchTerms: body.search_terms,
          location: body.location,
          companyName: body.company_name,
          enabled: body.enabled,
        },
      });
      return sourceView(source);
    } catch (error) {
      if (isPrismaError(error, 'P2002')) throw duplicate();
      throw error;
    }
  }

  async updateSource(id: string, body: UpdateSourceBody): Promise<SourceView> {
    const current = await this.deps.prisma.jobSource.findUnique({ where: { id } });
    if (!current) throw notFound('No such source.');
    // What the row would become must pass its type's rules, like a new source; only turning a
    // source off needs no check (a row stored under older rules can always be disabled).
    const onlyDisables = Object.keys(body).length === 1 && body.enabled === false;
    const next = createSourceBodySchema.safeParse({
      type: body.type ?? current.type,
      identifier: body.identifier ?? current.identifier,
      search_terms: body.search_terms ?? current.searchTerms,
      location: body.location === undefined ? current.location : body.location,
      company_name: body.company_name === undefined ? current.companyName : body.company_name,
      enabled: body.enabled ?? current.enabled,
    });
    if (!onlyDisables && !next.success) throw validationFailed(fieldIssues('body', next.error));
    // An enabled fixture source needs them allowed.
    if (!onlyDisables && next.data?.type === 'fixture' && next.data.enabled && !this.deps.allowFixtureSources) throw fixtureSourcesOff();
    try {
      const source = await this.deps.prisma.jobSource.update({
        where: { id },
        data: {
          ...(body.type !== undefined ? { type: body.type } : {}),
          ...(body.identifier !== undefined ? { identifier: body.identifier } : {}),
          ...(body.search_terms !== undefined ? { searchTerms: body.search_terms } : {}),
          ...(body.location !== undefined ? { location: body.location } : {}),
          ...(body.company_name !== undefined ? { companyName: body.company_name } : {}),
          ...(body.enabled !== undefined ? { enabled: body.enabled } : {}),
        },
      });
      return sourceView(source);
    } catch (error) {
      if (isPrismaError(error, 'P2025')) throw notFound('No such source.');
      if (isPrismaError(error, 'P2002')) throw duplicate();
      throw error;
    }
  }

  /**
   * Runs a paused source again from the next scheduled run: the pause and the failure streaks
   * are cleared (the last error stays until a run succeeds). Resuming a running source is a no-op.
   */
  async resumeSource(id: string): Promise<SourceView> {
    try {
      const source = await this.deps.prisma.jobSource.update({
        where: { id },
        data: { pausedAt: null, pauseReason: null, consecutiveFailures: 0, consecutiveNotFound: 0 },
      });
      return sourceView(source);
    } catch (error) {
      if (isPrismaError(error, 'P2025')) throw notFound('No such source.');
      throw error;
    }
  }

  async deleteSource(id: string): Promise<void> {
    const { count } = await this.deps.prisma.jobSource.deleteMany({ where: { id } });
    if (count === 0) throw notFound('No such source.');
  }

  async pipeline(windowHours = 24, now = new Date()): Promise<PipelineView> {
    const { staleGroupSeconds } = this.deps;
    const [streams, counts, decisions] = await Promise.all([
      streamsStatus(this.deps.redis, this.deps.streamKeyPrefix, { staleAfterMs: staleGroupSeconds * 1000 }),
      this.deps.queue.counts(),
      this.decisionCounts(windowHours, now),
    ]);
    return {
      decisions: { window_hours: windowHours, since: decisions.since.toISOString(), counts: decisions.counts },
      stages: streams.map((s) => ({
        stream: s.stream,
        length: s.length,
        dead_letters: s.deadLetters,
        groups: s.groups.map((g) => ({
          name: g.name,
          consumers: g.consumers,
          pending: g.pending,
          lag: g.lag,
          idle_seconds: g.idleMs === null ? null : Math.floor(g.idleMs / 1000),
          stale: g.stale,
        })),
      })),
      scrape_queue: counts,
      stale_group_seconds: staleGroupSeconds,
    };
  }
}
