import { ConfigError } from '@shop/config';
import { createLogger } from '@shop/logger';
import { runUntilSignal } from '@shop/lifecycle';
import { loadWorkersConfig } from './config';
import { startWorkers } from './server';

/** `npm start` runs this: the email and SMS workers until SIGINT or SIGTERM. */
async function main() {
  const config = loadWorkersConfig();
  const workers = startWorkers(config);
  await Promise.all([workers.email.waitUntilReady(), workers.sms.waitUntilReady()]);
  workers.logger.info(
    { queues: [workers.email.name, workers.sms.name], prefix: config.QUEUE_PREFIX },
    'workers started',
  );
  runUntilSignal(workers.logger, () => workers.stop(), 30_000);
}

main().catch((error: unknown) => {
  const logger = createLogger('workers');
  if (error instanceof ConfigError) logger.fatal(error.message);
  else logger.fatal({ err: error }, 'failed to start');
  process.exit(1);
});
