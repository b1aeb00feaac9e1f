export { consume, defaultConsumerName, type Consumer, type ConsumeOptions, type MessageContext, type MessageHandler } from './consumer';
export { createPublisher, type Publisher, type PublisherOptions, type PublishOptions } from './publisher';
export { deadLetters, type DeadLetterRecord } from './dead-letter';
export { streamsStatus, type StreamStatus } from './status';
export { streamKeys, type StreamKeys } from './keys';
export { trimConsumed, safeMinId, defaultTrimPolicy, type TrimPolicy } from './trim';
export { retryDelayMs, defaultBackoff, type BackoffOptions } from './backoff';
export { streamMetrics, type StreamMetrics } from './stream-metrics';
