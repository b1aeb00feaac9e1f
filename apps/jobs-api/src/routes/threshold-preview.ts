import { defineRoute, type Route } from '@jobping/http-kit';
import { z } from 'zod';
import type { ThresholdPreviewService } from '../services/threshold-preview';

export const thresholdPreviewQuerySchema = z.object({
  days: z.coerce
    .number({ error: 'not a number' })
    .int({ error: 'not an integer' })
    .min(1)
    .max(30)
    .default(7)
    .describe('how many days back to look (1–30, default 7)'),
});

export const thresholdPreviewSchema = z.object({
  days: z.number().int(),
  since: z.iso.datetime(),
  scored: z.number().int().describe('jobs of the window scored for you'),
  ruled_out: z.number().int().describe('jobs of the window the pre-filter ruled out (never notified)'),
  score_counts: z
    .array(z.number().int())
    .length(101)
    .describe('score_counts[s]: scored jobs with score s; a threshold T would have let through the sum over s >= T'),
  estimated: z
    .number()
    .int()
    .describe('how many of `scored` are estimates: jobs not scored for you yet, scored now against your prompt with the built-in rules (no LLM call)'),
});

/** For the web app's threshold slider: how your recent scores spread, so it can count what T lets through. */
export function thresholdPreviewRoutes(service: ThresholdPreviewService): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/users/me/threshold-preview',
      summary: 'Your match scores of the last days, bucketed 0–100 (threshold preview)',
      tags: ['matches'],
      auth: 'bearer',
      query: thresholdPreviewQuerySchema,
      description:
        'Rate-limited per user (THRESHOLD_PREVIEW_REQUESTS_PER_MINUTE; 429 with Retry-After beyond). The estimate of jobs not scored for you yet is reused for THRESHOLD_PREVIEW_CACHE_SECONDS while your prompt and `days` stay the same.',
      responses: { 200: { description: 'The histogram of your scores', schema: thresholdPreviewSchema } },
      errors: { 429: 'Too many previews requested this minute' },
      handler: async ({ query, user }) => ({ status: 200, body: await service.preview(user!.id, query.days) }),
    }),
  ];
}
