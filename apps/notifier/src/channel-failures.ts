import { Prisma, queryRows, type PgPool } from '@jobping/db';
import type { Logger } from '@jobping/logger';

/**
 * One more permanent failure in a row on a channel; the `failuresToDisable`th (3) turns it off
 * with the reason the web app shows. Shared by single deliveries and digests.
 */
export async function countPermanentFailure(
  deps: { pool: PgPool; logger: Logger; failuresToDisable?: number | undefined },
  channelId: string,
  message: string,
): Promise<void> {
  const limit = deps.failuresToDisable ?? 3;
  const reason = `turned off after ${limit} failed deliveries in a row; the last: ${message}`.slice(0, 600);
  const [row] = await queryRows<{ enabled: boolean }>(deps.pool, Prisma.sql`
    UPDATE notification_channels SET
      consecutive_failures = consecutive_failures + 1,
      last_error = ${message},
      enabled = CASE WHEN consecutive_failures + 1 >= ${limit} THEN false ELSE enabled END,
      disabled_at = CASE WHEN consecutive_failures + 1 >= ${limit} AND enabled THEN now() ELSE disabled_at END,
      disabled_reason = CASE WHEN consecutive_failures + 1 >= ${limit} AND enabled THEN ${reason} ELSE disabled_reason END
    WHERE id = ${channelId}::uuid
    RETURNING enabled`);
  if (row && !row.enabled) deps.logger.warn('channel disabled after repeated permanent failures', { channel_id: channelId, reason });
}
