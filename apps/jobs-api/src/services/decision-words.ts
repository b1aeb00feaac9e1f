import type { DecisionReason, DecisionStage } from '@jobping/contracts';

/** One decision about a (job, user) pair, as the decision log knows it. */
export interface DecisionFacts {
  stage: DecisionStage;
  reason: DecisionReason;
  /** What the job says, as fan-out compared it (match_decisions.job_value). */
  jobValue: string | null;
  /** The user's setting when fan-out decided (match_decisions.user_value). */
  userValue: string | null;
  score: number | null;
  threshold: number;
  /** The pre-filter's own words (user_job_matches.prefilter_reason). */
  prefilterText: string | null;
}

/** Stored codes as words: full_time → full-time, onsite → on-site. */
const words = (value: string | null) => (value ?? '').replace(/_/g, '-').replace(/\bonsite\b/g, 'on-site');
const money = (value: string | null) => (value && /^\d+$/.test(value) ? Number(value).toLocaleString('en-US') : (value ?? 'none'));
const levels = (value: string | null) => {
  const [min = '', max = ''] = (value ?? '').split('–');
  if (min && max) return `${min} to ${max}`;
  if (min) return `${min} or above`;
  return max ? `up to ${max}` : 'any level';
};

/**
 * The decision in plain words, as the web app's "Why (not)?" panel shows it ("Left out:
 * on-site in Austin; you accept remote."). One sentence per reason code: the codes are a fixed
 * list (fanoutReasons, laterDecisionReasons), so every one has its words here.
 */
export function explainDecision(d: DecisionFacts): string {
  const job = d.jobValue;
  const you = d.userValue;
  switch (d.reason) {
    case 'remote_only':
      return `Left out: not remote (${words(job)}); you want remote jobs only.`;
    case 'location':
      return `Left out: located in ${job}; you chose ${you}.`;
    case 'work_arrangement':
      return `Left out: ${words(job)}; you accept ${words(you)}.`;
    case 'remote_region':
      return `Left out: remote limited to ${job}; you accept remote in ${you}.`;
    case 'salary_below_min':
      return `Left out: pays at most ${money(job)} a year; your minimum is ${money(you)}.`;
    case 'salary_unstated':
      return `Left out: states no salary; your minimum is ${money(you)} and you chose to leave out jobs without one.`;
    case 'visa_not_offered':
      return 'Left out: says it cannot sponsor a visa; you need sponsorship.';
    case 'visa_unknown':
      return 'Left out: does not say whether it sponsors a visa; you need sponsorship and chose to leave such jobs out.';
    case 'language':
      return `Left out: requires ${job}; you work in ${you}.`;
    case 'seniority':
      return `Left out: ${job} level; you accept ${levels(you)}.`;
    case 'employment_type':
      return `Left out: ${words(job)}; you accept ${words(you)}.`;
    case 'excluded_keyword':
      return `Left out: mentions ${you}, which you excluded.`;
    case 'excluded_company':
      return `Left out: ${job} is one of your excluded companies.`;
    case 'muted_company':
      return `Left out: you muted ${job}.`;
    case 'muted_keyword':
      return `Left out: mentions ${you}, which you muted.`;
    case 'prefiltered':
      return `Not scored by the AI: the rules put it at most at ${d.score ?? 0}, under your threshold of ${d.threshold}${d.prefilterText ? ` (${d.prefilterText.replace(/^skip: /, '')})` : ''}.`;
    case 'below_threshold':
      return (d.score ?? 0) < d.threshold
        ? `Scored ${d.score ?? 0}, under your threshold of ${d.threshold}: no alert.`
        : `Scored ${d.score ?? 0}, under the threshold you had when it was scored (it is ${d.threshold} now): no alert.`;
    case 'notified':
      return `Scored ${d.score ?? 0}, at or above your threshold of ${d.threshold}: you were alerted.`;
    case 'snoozed':
      return `Scored ${d.score ?? 0}, at or above your threshold of ${d.threshold}, but your alerts were snoozed.`;
    case 'delivery_failed':
      return `Scored ${d.score ?? 0}, at or above your threshold of ${d.threshold}; it is in your notifications, but sending it to your channels failed.`;
    case 'awaiting':
      return d.score === null ? 'Not decided yet: the job is still being matched.' : `Scored ${d.score}, at or above your threshold of ${d.threshold}; the alert is on its way.`;
    case 'unknown':
      return 'No decision recorded: the job arrived before your prompt was saved, or the decision is older than the 30 days the log keeps.';
  }
}
