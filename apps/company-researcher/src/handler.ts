import type { MessageHandler } from '@jobping/streams';
import type { CompanyResearchService } from './company-research-service';

/** Permanent errors (`retryable: false`, e.g. an invalid AI answer) and the last delivery mark the job failed. */
function isPermanent(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { retryable?: unknown }).retryable === false;
}

export function researchHandler(service: CompanyResearchService, maxDeliveries: number): MessageHandler<'job-analysis'> {
  return async (message, context) => {
    try {
      await service.handle(message.job_id);
    } catch (error) {
      if (isPermanent(error) || context.deliveries >= maxDeliveries) {
        await service.markFailed(message.job_id).catch(() => undefined);
      }
      throw error;
    }
  };
}
