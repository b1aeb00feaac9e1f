import type { PrismaClient } from '@jobping/db';

/**
 * Decisions per stage and reason since `since`, for the admin pipeline page: fan-out's
 * match_decisions (BRIN on decided_at) and the pairs it let through, from user_job_matches
 * (the pre-filter's code, below the threshold, notified, snoozed, not decided yet), by when the
 * match was stored (BRIN on created_at). The same rules as DecisionsService.explain, counted.
 */
export async function decisionCounts(prisma: PrismaClient, since: Date): Promise<{ stage: string; reason: string; count: number }[]> {
  const rows = await prisma.$queryRaw<{ stage: string; reason: string; count: number }[]>`
    SELECT 'fanout' AS stage, reason, count(*)::int AS count
    FROM match_decisions WHERE decided_at >= ${since}
    GROUP BY reason
    UNION ALL
    SELECT stage, reason, count(*)::int FROM (
      SELECT CASE WHEN m.prefilter_skipped THEN 'prefilter'
                  WHEN m.score < u.notify_threshold AND NOT m.notified THEN 'matcher'
                  WHEN m.notify_skip IS NOT NULL OR m.notified THEN 'notifier'
                  WHEN m.created_at < now() - interval '1 hour' THEN 'matcher'
                  ELSE 'pending' END AS stage,
             CASE WHEN m.prefilter_skipped THEN coalesce(m.prefilter_code, 'other')
                  WHEN m.score < u.notify_threshold AND NOT m.notified THEN 'below_threshold'
                  WHEN m.notify_skip IS NOT NULL THEN m.notify_skip
                  WHEN m.notified THEN 'notified'
                  -- never notified an hour on: the threshold was higher when it was scored
                  WHEN m.created_at < now() - interval '1 hour' THEN 'below_threshold'
                  ELSE 'awaiting' END AS reason
      FROM user_job_matches m JOIN users u ON u.id = m.user_id
      WHERE m.created_at >= ${since}
    ) later
    GROUP BY stage, reason
    ORDER BY 1, 3 DESC, 2`;
  return rows;
}

/**
 * decisionCounts reused for `ttlMs` per window: the admin page polls the pipeline every few
 * seconds, and a day of pairs (1M at full load) need not be counted on every poll.
 */
export function cachedDecisionCounts(prisma: PrismaClient, ttlMs = 60_000) {
  type Counted = { since: Date; counts: { stage: string; reason: string; count: number }[] };
  const cache = new Map<number, { at: number; result: Promise<Counted> }>();
  return (windowHours: number, now: Date): Promise<Counted> => {
    const hit = cache.get(windowHours);
    if (hit && now.getTime() - hit.at < ttlMs) return hit.result;
    const since = new Date(now.getTime() - windowHours * 3_600_000);
    const result = decisionCounts(prisma, since).then((counts) => ({ since, counts }));
    cache.set(windowHours, { at: now.getTime(), result });
    result.catch(() => cache.delete(windowHours));
    return result;
  };
}
