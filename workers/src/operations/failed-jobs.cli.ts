/**
 * Lists (or retries) failed notification jobs, for operators:
 *
 *   npx tsx workers/src/operations/failed-jobs.cli.ts [email|sms] [--limit 50] [--retry]
 *
 * Reads REDIS_URL and QUEUE_PREFIX like the workers; prints one JSON line per job.
 */
import { parseArgs } from 'node:util';
import { createLogger } from '@shop/logger';
import { loadWorkersConfig } from '../config';
import { NOTIFICATION_QUEUES, listFailedJobs, retryFailedJobs } from './failed-jobs';

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      limit: { type: 'string', default: '50' },
      retry: { type: 'boolean', default: false },
    },
  });
  const config = loadWorkersConfig();
  const logger = createLogger('failed-jobs', 'info');
  const queues = positionals.length ? positionals : [...NOTIFICATION_QUEUES];
  for (const queue of queues) {
    const target = { redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, queue };
    if (values.retry) {
      logger.info({ queue, retried: await retryFailedJobs(target) }, 'failed jobs retried');
      continue;
    }
    for (const job of await listFailedJobs(target, Number(values.limit))) {
      logger.info(job, 'failed job');
    }
  }
}

main().catch((error: unknown) => {
  createLogger('failed-jobs').fatal({ err: error }, 'failed-jobs command failed');
  process.exit(1);
});
