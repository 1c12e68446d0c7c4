/**
 * `npm start`: provisions Redis, the MongoDB-compatible server, the mail and SMS sinks and the
 * sandboxes of outside parties (PG, carrier, data platform), seeds demo data, starts the five
 * subgraphs, the gateway and the workers, prints the URLs and stops everything in reverse
 * order on Ctrl-C.
 */
import { join } from 'node:path';
import { ConfigError } from '@shop/config';
import { startProcess, type RunningProcess } from '../servers/child-process';
import { isPortInUse } from '../servers/free-port';
import { ensureMongoLauncherBuilt, startMongoServer } from '../servers/mongo-server';
import { ensureRedisServerInstalled, startRedisServer } from '../servers/redis-server';
import { startSandboxes } from '../sandboxes/start-sandboxes';
import { startMailSink } from '../sinks/mail-sink';
import { startSmsSink } from '../sinks/sms-sink';
import { loadDevConfig, ROOT_DIR, type DevConfig } from './dev-config';
import { NODE_FLAGS } from './node-flags';
import { serviceEnvironment } from './service-env';
import { runSeeds } from './seed';

const SUBGRAPHS = ['users', 'products', 'cart', 'orders', 'support'] as const;
const stoppers: Array<{ name: string; stop: () => Promise<void> }> = [];

function log(message: string) {
  console.log(`[start] ${message}`);
}

function printer(name: string) {
  return (line: string) => console.log(`[${name}] ${line}`);
}

interface Infrastructure {
  mongoUri: string;
  redisUrl: string;
  /** How our services reach the sandboxes of outside parties. */
  sandboxEnv: Record<string, string>;
}

async function startInfrastructure(config: DevConfig): Promise<Infrastructure> {
  ensureRedisServerInstalled(log);
  ensureMongoLauncherBuilt(log);
  let mongoUri = config.MONGODB_URI;
  if (!mongoUri) {
    await refuseBusyPort(config.MONGO_PORT, 'MongoDB', 'MONGODB_URI');
    const mongo = await startMongoServer({
      port: config.MONGO_PORT,
      backend: 'h2',
      file: join(config.DATA_DIR, 'mongo/shop.mv'),
    });
    stoppers.push(mongo);
    mongoUri = `mongodb://127.0.0.1:${config.MONGO_PORT}`;
  }
  let redisUrl = config.REDIS_URL;
  if (!redisUrl) {
    await refuseBusyPort(config.REDIS_PORT, 'Redis', 'REDIS_URL');
    stoppers.push(
      await startRedisServer({ port: config.REDIS_PORT, dataDir: join(config.DATA_DIR, 'redis') }),
    );
    redisUrl = `redis://127.0.0.1:${config.REDIS_PORT}`;
  }
  return { mongoUri, redisUrl, sandboxEnv: await startSinksAndSandboxes(config) };
}

/** The stand-ins for outside parties; resolves with the sandboxes' environment. */
async function startSinksAndSandboxes(config: DevConfig): Promise<Record<string, string>> {
  const mail = await startMailSink({
    smtpPort: config.MAIL_SINK_SMTP_PORT,
    httpPort: config.MAIL_SINK_HTTP_PORT,
  });
  stoppers.push({ name: 'mail sink', stop: mail.stop });
  const sms = await startSmsSink({ port: config.SMS_SINK_PORT });
  stoppers.push({ name: 'sms sink', stop: sms.stop });
  const sandboxes = await startSandboxes({
    pg: { port: config.PG_SANDBOX_PORT, secretKey: config.PG_SECRET_KEY },
    carrier: {
      port: config.CARRIER_SANDBOX_PORT,
      secret: config.CARRIER_WEBHOOK_SECRET,
      webhookUrl: carrierWebhookUrl(config),
    },
    dataPlatform: { port: config.DATA_PLATFORM_PORT, apiKey: config.DATA_PLATFORM_API_KEY },
  });
  stoppers.push({ name: 'sandboxes', stop: sandboxes.stop });
  return sandboxes.env;
}

/** The orders service's carrier webhook route, unless CARRIER_WEBHOOK_URL says otherwise. */
function carrierWebhookUrl(config: DevConfig): string {
  return config.CARRIER_WEBHOOK_URL ?? `http://127.0.0.1:${config.ORDERS_PORT}/webhooks/carrier`;
}

async function refuseBusyPort(port: number, what: string, variable: string) {
  if (await isPortInUse(port)) {
    throw new Error(
      `Port ${port} is taken. Stop what uses it, or point ${variable} at an existing ${what}.`,
    );
  }
}

function startNodeService(
  name: string,
  entry: string,
  env: NodeJS.ProcessEnv,
): Promise<RunningProcess> {
  return startProcess({
    name,
    command: process.execPath,
    args: [...(NODE_FLAGS[name] ?? []), '--import', 'tsx', entry],
    cwd: ROOT_DIR,
    env,
    readyWhen: /"msg":"(listening|workers started)"/,
    timeoutMs: 90_000,
    onLine: printer(name),
  });
}

async function main() {
  const startedAt = Date.now();
  const config = loadDevConfig();
  const infrastructure = await startInfrastructure(config);
  const env = serviceEnvironment(config, infrastructure);
  log('seeding demo data');
  await runSeeds(env);
  const services = await Promise.all(
    SUBGRAPHS.map((name) => startNodeService(name, `subgraphs/${name}/src/index.ts`, env)),
  );
  stoppers.push(...services);
  stoppers.push(await startNodeService('gateway', 'gateway/src/index.ts', env));
  stoppers.push(await startNodeService('workers', 'workers/src/index.ts', env));
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(`
  Ready in ${seconds} s
  Gateway        http://127.0.0.1:${config.GATEWAY_PORT}/graphql   (health /health, ready /ready, metrics /metrics)
  Subgraphs      ${SUBGRAPHS.map((name) => `${name} :${config[`${name.toUpperCase() as Uppercase<typeof name>}_PORT`]}`).join(', ')}
  Mail sink      smtp://127.0.0.1:${config.MAIL_SINK_SMTP_PORT}   http://127.0.0.1:${config.MAIL_SINK_HTTP_PORT}/api/messages
  SMS sink       http://127.0.0.1:${config.SMS_SINK_PORT}/api/messages
  PG sandbox     ${env['PG_BASE_URL']}/api/payments   (secret key ${env['PG_SECRET_KEY']}; test cards in docs/sandboxes.md)
  Carrier        ${env['CARRIER_SANDBOX_URL']}/api/webhooks   (webhooks to ${carrierWebhookUrl(config)})
  Data platform  ${env['DATA_PLATFORM_URL']}/api/events
  Workers        email, sms (failed jobs: npm run failed-jobs -w @shop/workers)
  Demo accounts  customer|agent|admin|seller|partner@demo.shop, password Demo-pass-1234!
  MongoDB        ${infrastructure.mongoUri}
  Redis          ${infrastructure.redisUrl}
  Press Ctrl-C to stop.
`);
}

let stopping = false;
async function stopAll(exitCode: number) {
  if (stopping) return;
  stopping = true;
  log('stopping');
  for (const { name, stop } of stoppers.reverse()) {
    await stop().catch((error: unknown) => log(`could not stop ${name}: ${String(error)}`));
  }
  process.exit(exitCode);
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  void stopAll(1);
});
