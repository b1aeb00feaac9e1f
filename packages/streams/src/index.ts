export { consume, defaultConsumerName, type Consumer, type ConsumeOptions, type MessageContext, type MessageHandler } from './consumer';
export { createPublisher, type Publisher, type PublisherOptions, type PublishOptions } from './publisher';
export { deadLetters, type DeadLetterRecord } from './dead-letter';
export { streamsStatus, type StatusOptions, type StreamStatus } from './status';
export { groupActivity, streamGroups, type GroupActivity, type GroupReport } from './group-health';
export { streamKeys, type StreamKeys } from './keys';
export { trimConsumed, safeMinId, defaultTrimPolicy, DEFAULT_STREAM_MAX_LEN, streamCapArgs, type TrimPolicy } from './trim';
export { streamGroupGauges, streamMetrics, type StreamGroupGauges, type StreamMetrics } from './stream-metrics';
export { DEFAULT_STALE_GROUP_SECONDS, streamEnvFields } from './settings';
