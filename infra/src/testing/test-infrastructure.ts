import { findFreePort } from '../servers/free-port';
import { startMongoServer } from '../servers/mongo-server';
import { startRedisServer } from '../servers/redis-server';
import { startMailSink } from '../sinks/mail-sink';
import { startSmsSink } from '../sinks/sms-sink';
import { startSandboxes } from '../sandboxes/start-sandboxes';

export interface TestInfrastructure {
  /** Stops what was started, in reverse order. */
  stop(): Promise<void>;
}

/**
 * Starts a private Redis, an in-memory MongoDB-compatible server (unless `REDIS_URL` /
 * `MONGODB_URI` point at real servers), the mail and SMS sinks and the PG, carrier and data
 * platform sandboxes on free ports, and publishes their addresses through `process.env` for
 * everything started afterwards: jest's workers, benchmark stacks.
 */
export async function startTestInfrastructure(): Promise<TestInfrastructure> {
  const started: Array<{ stop(): Promise<void> }> = [];
  process.env['NODE_ENV'] = 'test';
  process.env['LOG_LEVEL'] ??= 'silent';
  if (!process.env['MONGODB_URI']) {
    const port = await findFreePort();
    started.push(await startMongoServer({ port, backend: 'memory' }));
    process.env['MONGODB_URI'] = `mongodb://127.0.0.1:${port}`;
  }
  if (!process.env['REDIS_URL']) {
    const port = await findFreePort();
    started.push(await startRedisServer({ port }));
    process.env['REDIS_URL'] = `redis://127.0.0.1:${port}`;
  }
  const mail = await startMailSink({ smtpPort: 0, httpPort: 0 });
  started.push(mail);
  process.env['SMTP_HOST'] = '127.0.0.1';
  process.env['SMTP_PORT'] = String(mail.smtpPort);
  process.env['MAIL_SINK_URL'] = `http://127.0.0.1:${mail.httpPort}`;
  const sms = await startSmsSink({ port: 0 });
  started.push(sms);
  process.env['SMS_SINK_URL'] = `http://127.0.0.1:${sms.port}`;
  process.env['TWILIO_API_BASE_URL'] = process.env['SMS_SINK_URL'];
  // The PG, carrier and data platform sandboxes; the data platform wants a key, as in production.
  const sandboxes = await startSandboxes({
    pg: { port: 0 },
    carrier: { port: 0 },
    dataPlatform: { port: 0, apiKey: 'test-data-platform-key' },
  });
  started.push(sandboxes);
  Object.assign(process.env, sandboxes.env);
  return {
    async stop() {
      for (const service of started.reverse()) await service.stop();
    },
  };
}
