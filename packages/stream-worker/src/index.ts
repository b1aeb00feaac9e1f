export { runStreamWorker, type RunningWorker, type StreamWorkerDefinition, type WorkerContext, type WorkerParts } from './run-stream-worker';
export { handlerBatching, streamWorkerEnvSchema, WORKER_NODE_OPTIONS, workerEnvSchema, type WorkerDefaults, type WorkerEnv } from './worker-config';
