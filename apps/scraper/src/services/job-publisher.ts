import { createEnvelope, encodeEntry, newTraceId, toFieldList } from '@jobping/contracts';
import type { Logger } from '@jobping/logger';
import type { Redis } from '@jobping/redis';
import { streamCapArgs, streamKeys } from '@jobping/streams';

// The marker and the XADD happen in one script: either both or neither, so a job is
// published exactly once however often a run is retried or crashes half-way. The XADD caps
// the stream like every publisher's (ARGV[3..5] = MAXLEN ~ <cap>).
const PUBLISH_ONCE = `
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'EX', ARGV[2]) then
  return redis.call('XADD', KEYS[1], ARGV[3], ARGV[4], ARGV[5], '*', unpack(ARGV, 6))
end
return false`;

export interface JobPublisherOptions {
  redis: Redis;
  /** STREAM_KEY_PREFIX: applies to the stream and the markers. */
  keyPrefix?: string;
  logger?: Logger;
  /** How long a job's "published" marker is kept (default 14 days). */
  markerTtlSeconds?: number;
  /** The stream's safety cap (STREAM_MAXLEN; default DEFAULT_STREAM_MAX_LEN of @jobping/streams). */
  maxLen?: number;
}

export interface JobPublisher {
  /** Publishes `job-analysis {job_id}` for each job not published before, each with a new trace id. Returns how many were published now. */
  publishNewJobs(jobIds: readonly string[]): Promise<number>;
}

/**
 * Hand-off to the pipeline. The message is encoded by the contracts package exactly as
 * @jobping/streams' publisher encodes it (same envelope, same validation), but written by a
 * Lua script that also sets a per-job marker, which makes the hand-off idempotent.
 */
export function createJobPublisher({ redis, keyPrefix = '', logger, markerTtlSeconds = 14 * 24 * 3600, maxLen }: JobPublisherOptions): JobPublisher {
  const stream = streamKeys('job-analysis', keyPrefix).stream;
  const capArgs = streamCapArgs(maxLen);
  return {
    async publishNewJobs(jobIds) {
      let published = 0;
      for (const jobId of jobIds) {
        const traceId = newTraceId();
        const fields = toFieldList(encodeEntry('job-analysis', { job_id: jobId }, createEnvelope(traceId)));
        const marker = `${keyPrefix}scraper:published:${jobId}`;
        const id = await redis.eval(PUBLISH_ONCE, 2, stream, marker, traceId, String(markerTtlSeconds), ...capArgs, ...fields);
        if (id) {
          published += 1;
          logger?.info('job handed to job-analysis', { job_id: jobId, trace_id: traceId, entry_id: String(id) });
        }
      }
      return published;
    },
  };
}
