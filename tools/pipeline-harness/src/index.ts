// The whole stack for tests and benchmarks (`@jobping/pipeline-harness`): the pipeline test, the
// pipeline bench and the web app's browser tests start the same processes with it.
export { insertJobs, insertUser, type InsertedJob, type UserSpec } from './fixtures';
export { streamsIdle } from './idle';
export { repoRoot, spawnWorker, stageApps, type AppName, type ServiceApp, type StageApp, type WorkerProcess } from './workers';
