/** Base class of every error the Discord client throws; `retryable` tells the caller what to do. */
export class DiscordWebhookError extends Error {
  readonly retryable: boolean;
  /** HTTP status Discord answered, when it answered. */
  readonly status: number | undefined;
  /** Discord's JSON error `code`, when present. */
  readonly discordCode: number | undefined;

  constructor(message: string, options: { retryable: boolean; status?: number; discordCode?: number; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DiscordWebhookError';
    this.retryable = options.retryable;
    this.status = options.status;
    this.discordCode = options.discordCode;
  }
}

/**
 * The webhook no longer exists or its token is wrong (404 / 401, codes 10015 / 50027), or its
 * URL is not one we may call. Discord: "If a webhook returns a 404 status you should not
 * attempt to use it again." Mark it broken and tell the user.
 */
export class BrokenWebhookError extends DiscordWebhookError {
  constructor(message: string, options: { status?: number; discordCode?: number } = {}) {
    super(message, { ...options, retryable: false });
    this.name = 'BrokenWebhookError';
  }
}

/** The URL fails the allow-list (wrong host, scheme or path); never sent. */
export class InvalidWebhookUrlError extends BrokenWebhookError {
  constructor(reason: string) {
    super(`webhook URL rejected: ${reason}`);
    this.name = 'InvalidWebhookUrlError';
  }
}

/** Discord answered 429 and asked us to wait longer than we are willing to block. Retry after `retryAfterMs`. */
export class DiscordRateLimitError extends DiscordWebhookError {
  readonly retryAfterMs: number;
  readonly global: boolean;

  constructor(retryAfterMs: number, global: boolean) {
    super(`rate limited by Discord; retry after ${retryAfterMs} ms`, { retryable: true, status: 429 });
    this.name = 'DiscordRateLimitError';
    this.retryAfterMs = retryAfterMs;
    this.global = global;
  }
}

/**
 * 5xx, a network error or a timeout: the message may or may not have been posted, so the
 * client does not repeat it itself; the caller's retry (a stream redelivery) decides.
 */
export class DiscordUnavailableError extends DiscordWebhookError {
  constructor(message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, { ...options, retryable: true });
    this.name = 'DiscordUnavailableError';
  }
}

/** Any other refusal (400 body rejected, 403, a redirect): retrying the same request will not help. */
export class DiscordRequestError extends DiscordWebhookError {
  constructor(message: string, options: { status?: number; discordCode?: number } = {}) {
    super(message, { ...options, retryable: false });
    this.name = 'DiscordRequestError';
  }
}
