import { ConfigError } from '@shop/config';
import { createLogger } from '@shop/logger';
import { runUntilSignal } from '@shop/lifecycle';
import { loadWorkersConfig } from './config';
import { serveMetrics } from './metrics-server';
import { startWorkers } from './server';

/**
 * `npm start` runs this: the email and SMS workers and the data-platform feed until SIGINT or
 * SIGTERM, with `/metrics` when WORKERS_METRICS_PORT is set.
 */
async function main() {
  const config = loadWorkersConfig();
  const workers = startWorkers(config);
  await Promise.all([workers.email.waitUntilReady(), workers.sms.waitUntilReady()]);
  const metrics =
    config.WORKERS_METRICS_PORT === undefined
      ? undefined
      : await serveMetrics(workers.metrics, config.WORKERS_METRICS_PORT, config.HOST);
  workers.logger.info(
    {
      queues: [workers.email.name, workers.sms.name, 'events.data-platform'],
      prefix: config.QUEUE_PREFIX,
    },
    'workers started',
  );
  runUntilSignal(
    workers.logger,
    async () => {
      metrics?.close();
      await workers.stop();
    },
    30_000,
  );
}

main().catch((error: unknown) => {
  const logger = createLogger('workers');
  if (error instanceof ConfigError) logger.fatal(error.message);
  else logger.fatal({ err: error }, 'failed to start');
  process.exit(1);
});
