// The test harness as a public entry point (`@jobping/notifier/harness`): other workspaces'
// end-to-end tests (the web app's browser tests) start the same stack with it.
export { FakeDiscord, type DiscordRequest, type ScriptedAnswer } from './fake-discord';
export { insertJobs, insertUser, type InsertedJob, type UserSpec } from './fixtures';
export { streamsIdle, waitFor } from './idle';
export { repoRoot, spawnWorker, stageApps, type AppName, type ServiceApp, type StageApp, type WorkerProcess } from './workers';
