export { startRedisServer, ensureRedisServerInstalled } from './servers/redis-server';
export {
  startMongoServer,
  ensureMongoLauncherBuilt,
  type MongoBackend,
} from './servers/mongo-server';
export { startMailSink } from './sinks/mail-sink';
export { startSmsSink } from './sinks/sms-sink';
export { startProcess, type RunningProcess, type StartOptions } from './servers/child-process';
export { findFreePort } from './servers/free-port';
export { startTestInfrastructure, type TestInfrastructure } from './testing/test-infrastructure';
export {
  startSandboxes,
  type SandboxesOptions,
  type RunningSandboxes,
} from './sandboxes/start-sandboxes';
export {
  startPgSandbox,
  type PgSandboxOptions,
  type RunningPgSandbox,
} from './sandboxes/pg-sandbox';
export {
  startCarrierSandbox,
  type CarrierSandboxOptions,
  type RunningCarrierSandbox,
} from './sandboxes/carrier-sandbox';
export {
  startDataPlatformSink,
  type DataPlatformSinkOptions,
  type RunningDataPlatformSink,
} from './sandboxes/data-platform-sink';
export { NODE_FLAGS } from './dev/node-flags';
