import type { z } from 'zod';
import { jobAnalysisStream } from './job-analysis';
import { notificationStream } from './notification';
import { userAnalysisStream } from './user-analysis';
import { userFanoutStream } from './user-fanout';

export { defineStream, type StreamContract } from './define-stream';
export { jobIdSchema, userIdSchema } from './ids';
export * from './job-analysis';
export * from './user-fanout';
export * from './user-analysis';
export * from './notification';

/** Every stage stream, in pipeline order. */
export const streams = {
  'job-analysis': jobAnalysisStream,
  'user-fanout': userFanoutStream,
  'user-analysis': userAnalysisStream,
  notification: notificationStream,
} as const;

export type StreamName = keyof typeof streams;
export type StreamMessage<S extends StreamName> = z.infer<(typeof streams)[S]['schema']>;

export const streamNames = Object.keys(streams) as StreamName[];

export function isStreamName(value: string): value is StreamName {
  return Object.hasOwn(streams, value);
}
