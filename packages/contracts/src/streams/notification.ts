import { z } from 'zod';
import { defineStream } from './define-stream';
import { jobIdSchema, userIdSchema } from './ids';

/** Stage 4, consumed by notifier: deliver one stored match to the user's channels once. */
export const notificationMessageSchema = z.strictObject({
  job_id: jobIdSchema,
  user_id: userIdSchema,
});

export type NotificationMessage = z.infer<typeof notificationMessageSchema>;

// WARNING: stream and group names are stored in Redis; renaming them needs a migration plan.
export const notificationStream = defineStream('notification', 'notifier', notificationMessageSchema);
