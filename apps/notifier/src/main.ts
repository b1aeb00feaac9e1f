import { createChannelSender } from '@jobping/channels';
import { createDatabaseFromConfig } from '@jobping/db';
import { DiscordWebhookClient } from '@jobping/discord';
import { runStreamWorker } from '@jobping/stream-worker';
import { notifierEnv, notifierWorker } from './config';
import { ChannelDeliveries } from './channel-deliveries';
import { NotificationService } from './notification-service';

void runStreamWorker({
  service: 'notifier',
  stream: 'notification',
  ...notifierWorker,
  config: notifierEnv,
  setup: ({ config, logger }) => {
    const { prisma, pool, close } = createDatabaseFromConfig(config, {
      onIdleClientError: (error) => logger.warn('an idle database connection failed; it was replaced', { error: error.message }),
    });
    const discord = new DiscordWebhookClient({
      policy: { extraAllowedHosts: config.JOBPING_WEBHOOK_ALLOWED_HOSTS },
      timeoutMs: config.DISCORD_TIMEOUT_MS,
      maxWaitMs: config.DISCORD_MAX_RATE_LIMIT_WAIT_MS,
      logger,
    });
    const channels = new ChannelDeliveries({
      pool,
      sender: createChannelSender(config, { logger, discord }),
      logger,
      sendLeaseMs: config.NOTIFIER_SEND_LEASE_MS,
    });
    const service = new NotificationService({ prisma, pool, discord, logger, sendLeaseMs: config.NOTIFIER_SEND_LEASE_MS, channels });
    return {
      handler: async (message, context) =>
        void (await service.handle(message, { isLast: context.deliveries >= config.STREAM_MAX_DELIVERIES, consumer: context.consumer })),
      readiness: { database: async () => void (await prisma.$queryRaw`SELECT 1`) },
      close,
    };
  },
}).catch((error: unknown) => {
  process.stderr.write(`notifier failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
