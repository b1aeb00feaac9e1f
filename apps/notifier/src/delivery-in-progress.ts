/** A duplicate of this message is sending right now: retry later (it will then find the result). */
export class DeliveryInProgressError extends Error {
  readonly retryable = true;
  constructor(where = 'Discord') {
    super(`another delivery of this notification is posting to ${where}; retrying later`);
    this.name = 'DeliveryInProgressError';
  }
}
