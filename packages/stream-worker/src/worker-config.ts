import { z } from 'zod';
import { baseEnvSchema, fields, redisEnvSchema } from '@jobping/config';
import { streamEnvFields } from '@jobping/streams';

/**
 * V8 heap limits every stage worker runs with (NODE_OPTIONS in the manifests and compose;
 * deploy-check holds them to this value). Left alone, V8 lets the heap of a busy worker grow
 * to ~300 MB before collecting; measured on the pipeline benchmark, these caps keep each
 * worker under 200 MB resident for ~4 % more CPU spent in the collector.
 */
export const WORKER_NODE_OPTIONS = '--max-old-space-size=128 --max-semi-space-size=16';

export interface WorkerDefaults {
  /** Default of STREAM_CONCURRENCY (50): lower for handlers that each hold a connection for long. */
  concurrency?: number;
}

/** What every stream worker reads from its environment; apps add their own fields. */
export function workerEnvSchema(defaultOpsPort: number, defaults: WorkerDefaults = {}) {
  return baseEnvSchema.extend(redisEnvSchema.shape).extend({
    OPS_PORT: fields.port(defaultOpsPort).describe(`port of /healthz, /readyz and /metrics (default ${defaultOpsPort})`),
    STREAM_KEY_PREFIX: fields.streamKeyPrefix(),
    STREAM_BATCH_SIZE: fields.positiveInt(50, 'entries per XREADGROUP'),
    STREAM_CONCURRENCY: fields.positiveInt(defaults.concurrency ?? 50, 'messages handled at once per process'),
    STREAM_BLOCK_MS: fields.positiveInt(2_000, 'how long one XREADGROUP blocks, in ms'),
    STREAM_VISIBILITY_TIMEOUT_MS: fields.positiveInt(
      60_000,
      'after this many ms a pending message is assumed abandoned and claimed by another consumer; keep it above the slowest handler',
    ),
    STREAM_MAX_DELIVERIES: fields.positiveInt(5, 'deliveries before a failing message goes to the dead-letter stream'),
    STREAM_RETRY_BASE_MS: fields.positiveInt(1_000, 'longest first retry delay after a failure (each wait is between half and all of its ceiling), doubled per delivery, in ms'),
    STREAM_RETRY_MAX_MS: fields.positiveInt(60_000, 'longest retry delay, in ms'),
    STREAM_TRIM: z
      .enum(['minid', 'maxlen'])
      .default('minid')
      .describe('minid: also trim what every group consumed (default); maxlen: only the STREAM_MAXLEN cap'),
    ...streamEnvFields,
    SHUTDOWN_TIMEOUT_MS: fields.positiveInt(
      25_000,
      'how long running handlers may finish after SIGTERM, in ms; keep terminationGracePeriodSeconds above it',
    ),
  });
}

export type WorkerEnv = z.output<ReturnType<typeof workerEnvSchema>>;

/**
 * A stage app's whole environment schema: the worker's fields and the app's own. What
 * runStreamWorker validates at start-up; deploy-check reads it to know what a deployment
 * must provide.
 */
export function streamWorkerEnvSchema<Extra extends z.ZodRawShape>(defaultOpsPort: number, extra: Extra, defaults: WorkerDefaults = {}) {
  return workerEnvSchema(defaultOpsPort, defaults).extend(extra);
}

/**
 * DataLoader options for coalescing what concurrent handlers read or write: batches of up to
 * 100, collected until the event loop's next turn (the handlers of one XREADGROUP batch all
 * start in one turn), nothing memoised between batches.
 */
export const handlerBatching = { cache: false, maxBatchSize: 100, batchScheduleFn: (run: () => void) => void setImmediate(run) } as const;
