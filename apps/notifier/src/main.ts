import { createChannelSender } from '@jobping/channels';
import { createDatabaseFromConfig } from '@jobping/db';
import { DiscordWebhookClient } from '@jobping/discord';
import { runStreamWorker } from '@jobping/stream-worker';
import { notifierEnv, notifierWorker } from './config';
import { ChannelDeliveries } from './channel-deliveries';
import { ChannelDigests, startDigestTicker } from './channel-digests';
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
    const sender = createChannelSender(config, { logger, discord });
    const channels = new ChannelDeliveries({
      pool,
      sender,
      logger,
      sendLeaseMs: config.NOTIFIER_SEND_LEASE_MS,
    });
    const service = new NotificationService({ prisma, pool, logger, channels });
    // Every replica ticks; the unique (channel, window) row and its claim make each digest go out once.
    const digests = new ChannelDigests({ pool, sender, logger, leaseMs: config.NOTIFIER_DIGEST_LEASE_MS, perCompany: config.DIGEST_MAX_PER_COMPANY });
    const ticker = startDigestTicker(digests, config.NOTIFIER_DIGEST_TICK_MS, logger, `notifier:${process.pid}`);
    return {
      handler: async (message, context) =>
        void (await service.handle(message, { isLast: context.deliveries >= config.STREAM_MAX_DELIVERIES, consumer: context.consumer })),
      readiness: { database: async () => void (await prisma.$queryRaw`SELECT 1`) },
      close: async () => {
        await ticker.stop();
        await close();
      },
    };
  },
}).catch((error: unknown) => {
  process.stderr.write(`notifier failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
