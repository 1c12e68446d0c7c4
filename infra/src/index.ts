export { startRedisServer, ensureRedisServerInstalled } from './servers/redis-server';
export {
  startMongoServer,
  ensureMongoLauncherBuilt,
  type MongoBackend,
} from './servers/mongo-server';
export { startMailSink } from './sinks/mail-sink';
export { startSmsSink } from './sinks/sms-sink';
export type { RunningProcess } from './servers/child-process';
export { findFreePort } from './servers/free-port';
export { startTestInfrastructure, type TestInfrastructure } from './testing/test-infrastructure';
