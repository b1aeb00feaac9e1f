// What every process needs to be operated, on node:http alone (no web framework): /healthz,
// /readyz and /metrics, and the one shutdown registry per process.
export {
  closeServer,
  createOpsHandlers,
  startOpsServer,
  type OpsHandlers,
  type OpsHandlersOptions,
  type OpsServer,
  type OpsServerOptions,
  type ReadinessCheck,
  type ReadinessChecks,
} from './ops-server';
export { createShutdown, type Shutdown, type ShutdownOptions } from './shutdown';
