/**
 * Which score a match needs to reach each destination: the one place that says it, read by the
 * matcher (whether to publish at all) and the notifier (where the published match goes).
 *
 * - The in-app list (and the notification row the web app shows) use the user's `notify_threshold`.
 * - A notification channel uses its `threshold_override` when it has one, else the user's
 *   threshold; an override lower than the user's threshold reaches lower scores on that channel
 *   only, a higher one keeps lower scores off it.
 * - The matcher publishes when the score reaches any of these, so every destination sees the
 *   matches its own threshold lets through (docs/notifications.md, "Thresholds").
 */

/** The threshold of the in-app list. */
export function inAppThreshold(userThreshold: number): number {
  return userThreshold;
}

/** The threshold of one notification channel: its override, else the user's. */
export function channelThreshold(thresholdOverride: number | null, userThreshold: number): number {
  return thresholdOverride ?? userThreshold;
}

/**
 * The lowest score any destination of the user takes: the matcher publishes from here.
 * `enabledChannelOverrides` are the overrides of the user's enabled channels (null: none).
 */
export function publishThreshold(userThreshold: number, enabledChannelOverrides: readonly (number | null)[]): number {
  return Math.min(inAppThreshold(userThreshold), ...enabledChannelOverrides.map((override) => channelThreshold(override, userThreshold)));
}
