import { decisionReasonSchema, decisionStages } from '@jobping/contracts';
import { defineRoute, type Route } from '@jobping/http-kit';
import { z } from 'zod';
import { cursorParam, timeIdKeyset } from '../cursor';
import { limitParam } from '../schemas';
import type { DecisionsService } from '../services/decisions';

export const decisionQuerySchema = z.object({
  job_id: z.uuid({ error: 'not a UUID' }).describe('the job to explain'),
});

export const decisionSchema = z.object({
  job_id: z.uuid(),
  stage: z.enum(decisionStages).describe('the stage that decided: fanout (must-haves, filters, mutes), prefilter, matcher, notifier, or pending'),
  reason: decisionReasonSchema.describe('a code from a fixed list (docs/product.md, "Decision log")'),
  score: z.number().int().nullable().describe("the match score; for the pre-filter, the rules' upper bound; null before scoring"),
  threshold: z.number().int().describe('your notify threshold now'),
  job_value: z.string().nullable().describe('what the job says about the failed filter, as fan-out compared it'),
  user_value: z.string().nullable().describe('your setting it failed, when fan-out decided'),
  prefilter_code: z.string().nullable().describe('what kind of fact made the pre-filter skip it (role, seniority, location, salary, language, employment, excluded, other)'),
  explanation: z.string().describe('the decision in plain words'),
  decided_at: z.iso.datetime().nullable(),
});

export const nearMissesQuerySchema = z.object({
  within: z.coerce
    .number({ error: 'not a number' })
    .int({ error: 'not an integer' })
    .min(1)
    .max(30)
    .default(10)
    .describe('how many points under your threshold still count (1–30, default 10)'),
  limit: limitParam(20),
  cursor: cursorParam(timeIdKeyset),
});

export const nearMissListSchema = z.object({
  items: z.array(
    z.object({
      job_id: z.uuid(),
      title: z.string(),
      company: z.string(),
      url: z.string(),
      score: z.number().int(),
      threshold: z.number().int(),
      points_under: z.number().int(),
      scored_at: z.iso.datetime(),
    }),
  ),
  next_cursor: z.string().nullable(),
});

const rateLimited = { 429: 'Too many decision requests this minute (DECISIONS_REQUESTS_PER_MINUTE)' };

/** "Why (not)?": the caller's own decisions only; no user id in any path or query. */
export function decisionRoutes(decisions: DecisionsService): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/users/me/decisions',
      summary: 'Why a job was (not) sent to you: the stage that decided, a reason code and the words',
      description:
        'Fan-out decisions (must-haves, hard filters, mutes) are kept DECISION_LOG_RETENTION_DAYS (30); later ones come from your match. Rate-limited per user (DECISIONS_REQUESTS_PER_MINUTE; 429 with Retry-After beyond).',
      tags: ['matches'],
      auth: 'bearer',
      query: decisionQuerySchema,
      responses: { 200: { description: 'The decision', schema: decisionSchema } },
      errors: { 404: 'No such job', ...rateLimited },
      handler: async ({ query, user }) => ({ status: 200, body: await decisions.explain(user!.id, query.job_id) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/users/me/near-misses',
      summary: 'Jobs scored just under your threshold, newest first',
      description: 'Scored by the AI (not the pre-filter) at most `within` points under your notify threshold. Keyset pagination on (scored at, id). Rate-limited like the decisions.',
      tags: ['matches'],
      auth: 'bearer',
      query: nearMissesQuerySchema,
      responses: { 200: { description: 'One page of near misses', schema: nearMissListSchema } },
      errors: rateLimited,
      handler: async ({ query, user }) => ({ status: 200, body: await decisions.nearMisses(user!.id, query) }),
    }),
  ];
}
