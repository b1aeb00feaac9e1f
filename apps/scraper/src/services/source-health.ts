/**
 * When the scraper stops running a source by itself. A board that answers 404 (or 410) three
 * runs in a row has almost always moved or closed: running it every half hour only fills the
 * logs, and nobody notices that the company's jobs stopped coming. Other failures (timeouts,
 * 5xx, format changes) are often passing, so they pause a source only after a longer streak.
 * A paused source keeps its row and its jobs; an admin resumes it (jobs-api) once it is fixed.
 */
export interface PausePolicy {
  /** Runs in a row answered 404/410 before the source is paused. */
  afterNotFound: number;
  /** Failed runs in a row (any reason) before the source is paused. */
  afterFailures: number;
}

export const DEFAULT_PAUSE_POLICY: PausePolicy = { afterNotFound: 3, afterFailures: 10 };

/** HTTP statuses that mean "this board is not there": the board moved or closed. */
export function isNotFoundStatus(status: number | null | undefined): boolean {
  return status === 404 || status === 410;
}

export interface FailureStreak {
  consecutiveFailures: number;
  consecutiveNotFound: number;
  /** The HTTP status of this run's failure, when the board answered one. */
  status: number | null;
  /** This run's error, shown with a long streak. */
  error: string;
}

/** The reason to pause a source after this failure, or null to keep running it. */
export function pauseReason(streak: FailureStreak, policy: PausePolicy = DEFAULT_PAUSE_POLICY): string | null {
  if (isNotFoundStatus(streak.status) && streak.consecutiveNotFound >= policy.afterNotFound) {
    return `board not found (HTTP ${streak.status}) — the board moved? ${streak.consecutiveNotFound} runs in a row; check the company's careers page, fix the identifier (or add the new board), then resume.`;
  }
  if (streak.consecutiveFailures >= policy.afterFailures) {
    return `failed ${streak.consecutiveFailures} runs in a row (last: ${streak.error}); resume once the board answers again.`;
  }
  return null;
}
