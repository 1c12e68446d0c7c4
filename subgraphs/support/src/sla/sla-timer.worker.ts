import { UnrecoverableError, Worker } from 'bullmq';
import { QUEUE_NAMES, slaTimerJobSchema, type QueueConnection } from '@shop/jobs';
import type { BackgroundTask } from '@shop/lifecycle';
import type { Logger } from '@shop/logger';
import { createRedis, type Redis } from '@shop/redis';
import type { SlaOutcome, SlaService } from './sla.service';

/**
 * The consumer of the `support.sla` queue, running in the support process: each delayed job
 * wakes {@link SlaService.fire}. Jobs live in Redis (AOF in production), so they outlive a
 * restart of this process; a job taken by a process that died is taken over after BullMQ's
 * lock expires, and acting twice is harmless.
 */
export function slaTimerWorker(options: {
  connection: QueueConnection;
  sla: SlaService;
  logger: Logger;
  concurrency?: number;
}): BackgroundTask {
  let worker: Worker | undefined;
  let connection: Redis | undefined;
  return {
    name: 'sla-timers',
    start() {
      connection = createRedis(options.connection.redisUrl, { forQueues: true });
      worker = new Worker(
        QUEUE_NAMES.supportSla,
        async (job): Promise<SlaOutcome> => {
          const parsed = slaTimerJobSchema.safeParse(job.data);
          if (!parsed.success) throw new UnrecoverableError(`malformed SLA timer ${job.id}`);
          return options.sla.fire(parsed.data);
        },
        {
          connection,
          prefix: options.connection.prefix ?? 'shop',
          concurrency: options.concurrency ?? 4,
        },
      );
      worker.on('failed', (job, err) =>
        options.logger.warn({ err: err.message, jobId: job?.id }, 'SLA timer failed'),
      );
      worker.on('error', (err) =>
        options.logger.error({ err: err.message }, 'SLA timer worker error'),
      );
    },
    async stop() {
      await worker?.close();
      await connection?.quit().catch(() => undefined);
    },
  };
}
