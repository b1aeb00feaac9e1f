import { z } from 'zod';

/**
 * Why fan-out left a (job, user) pair out: the first hard filter or must-have the job failed,
 * in the order fan-out checks them (user-filters.ts in apps/fanout). Stored in
 * match_decisions.reason; the decision endpoint of jobs-api says each in plain words.
 */
export const fanoutReasons = [
  'remote_only',
  'location',
  'work_arrangement',
  'remote_region',
  'salary_below_min',
  'salary_unstated',
  'visa_not_offered',
  'visa_unknown',
  'language',
  'seniority',
  'employment_type',
  'excluded_keyword',
  'excluded_company',
  'muted_company',
  'muted_keyword',
] as const;
export type FanoutReason = (typeof fanoutReasons)[number];

/**
 * Which stage decided about a pair, after fan-out: the pre-filter (rules, no LLM call), the
 * matcher's score against the threshold, the notifier. `pending`: it has not been decided yet
 * (still in a stream), or the log no longer knows it (older than its retention, or fan-out never
 * saw the pair: the job came before the user's prompt).
 */
export const decisionStages = ['fanout', 'prefilter', 'matcher', 'notifier', 'pending'] as const;
export type DecisionStage = (typeof decisionStages)[number];

/** The reason codes of the stages after fan-out. */
export const laterDecisionReasons = ['prefiltered', 'below_threshold', 'notified', 'snoozed', 'delivery_failed', 'awaiting', 'unknown'] as const;
export type LaterDecisionReason = (typeof laterDecisionReasons)[number];

export const decisionReasonSchema = z.enum([...fanoutReasons, ...laterDecisionReasons]);
export type DecisionReason = z.infer<typeof decisionReasonSchema>;
