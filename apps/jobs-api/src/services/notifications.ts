import { Prisma, type PrismaClient } from '@jobping/db';
import { notFound } from '@jobping/http-kit';
import { page } from '../cursor';
import type { NotificationsQuery, NotificationView } from '../schemas';
import { limitClause, objectOrEmpty } from './list-read-model';

interface NotificationRow {
  id: string;
  job_id: string;
  match_id: string;
  job_title: string;
  company: string;
  job_url: string;
  matching_score: number;
  ai_analysis: unknown;
  read_at: Date | null;
  discord_status: NotificationView['discord_status'];
  created_at: Date;
}

function view(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    job_id: row.job_id,
    match_id: row.match_id,
    job_title: row.job_title,
    company: row.company,
    job_url: row.job_url,
    matching_score: row.matching_score,
    ai_analysis: objectOrEmpty(row.ai_analysis),
    read: row.read_at !== null,
    read_at: row.read_at ? row.read_at.toISOString() : null,
    discord_status: row.discord_status,
    created_at: row.created_at.toISOString(),
  };
}

/**
 * Columns of a notification row `n`; `discord_status` is the delivery of its match on the
 * user's first Discord channel (the account webhook), read from channel_deliveries:
 * notifications.discord_status is deprecated since Discord became a channel.
 */
const notificationColumns = Prisma.sql`
  n.id, n.job_id, n.match_id, n.job_title, n.company, n.job_url, n.matching_score, n.ai_analysis, n.read_at, n.created_at,
  COALESCE((
    SELECT CASE WHEN d.status = 'sent' THEN 'sent'
                WHEN d.status = 'skipped' THEN 'skipped'
                WHEN d.status = 'failed' AND NOT c.enabled THEN 'broken'
                WHEN d.status = 'failed' THEN 'failed'
                ELSE 'pending' END
    FROM notification_channels c JOIN channel_deliveries d ON d.channel_id = c.id AND d.match_id = n.match_id
    WHERE c.user_id = n.user_id AND c.kind = 'discord'
    ORDER BY c.created_at, c.id LIMIT 1), 'skipped') AS discord_status`;

/** The caller's in-app notifications, newest first on (created_at, id). Always scoped to the caller. */
export class UserNotificationsService {
  constructor(private readonly prisma: PrismaClient) {}

  async list(userId: string, query: NotificationsQuery) {
    const where: Prisma.Sql[] = [Prisma.sql`user_id = ${userId}::uuid`];
    if (query.unread === true) where.push(Prisma.sql`read_at IS NULL`);
    if (query.unread === false) where.push(Prisma.sql`read_at IS NOT NULL`);
    if (query.cursor) {
      const [createdAt, id] = query.cursor;
      where.push(Prisma.sql`(created_at, id) < (${createdAt}::timestamptz, ${id}::uuid)`);
    }
    const [rows, unread] = await Promise.all([
      this.prisma.$queryRaw<NotificationRow[]>`
        SELECT ${notificationColumns}
        FROM notifications n
        WHERE ${Prisma.join(where, ' AND ')}
        ORDER BY created_at DESC, id DESC
        ${limitClause(query.limit + 1)}`,
      this.unreadCount(userId),
    ]);
    const result = page(rows, query.limit, (row) => [row.created_at.toISOString(), row.id]);
    return { items: result.items.map(view), next_cursor: result.next_cursor, unread_count: unread };
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = await this.prisma.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM notifications WHERE user_id = ${userId}::uuid AND read_at IS NULL`;
    return row?.count ?? 0;
  }

  /** Marks one of the caller's notifications read (keeps the first read time). 404 for anyone else's. */
  async markRead(userId: string, id: string): Promise<NotificationView> {
    await this.prisma.notification.updateMany({ where: { id, userId, readAt: null }, data: { readAt: new Date() } });
    const [row] = await this.prisma.$queryRaw<NotificationRow[]>`
      SELECT ${notificationColumns} FROM notifications n WHERE n.id = ${id}::uuid AND n.user_id = ${userId}::uuid`;
    if (!row) throw notFound('No such notification.');
    return view(row);
  }

  async markAllRead(userId: string): Promise<{ marked_read: number; unread_count: 0 }> {
    const { count } = await this.prisma.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
    return { marked_read: count, unread_count: 0 };
  }
}
