import type { Job, Queue } from 'bullmq';
import { IntervalTask, type BackgroundTask } from '@shop/lifecycle';
import type { Logger } from '@shop/logger';
import { PERMANENT_FAILURE } from './data-platform.client';

const PAGE = 100;

/**
 * Sends dead-lettered events again once the platform is back. Each pass without a probe under
 * way retries the oldest transient failure alone, with fresh attempts; when that probe was
 * delivered, the platform answers again and every other transient failure is retried too.
 * Failures the platform refused for good stay where they are, for an operator.
 */
export class DataPlatformRedrive {
  private probe: string | undefined;

  constructor(
    private readonly queue: Queue,
    private readonly logger: Logger,
  ) {}

  /** One look at the dead letter; returns how many jobs it put back in line. */
  async pass(): Promise<number> {
    if (this.probe) {
      const state = await (await this.queue.getJob(this.probe))?.getState();
      if (state !== 'completed' && state !== 'failed' && state !== undefined) return 0;
      this.probe = undefined;
      if (state === 'completed' || state === undefined) return this.retryAll();
    }
    const [oldest] = await this.transientFailures(1);
    if (!oldest) return 0;
    await oldest.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    this.probe = oldest.id;
    return 1;
  }

  private async retryAll(): Promise<number> {
    // Bounded by what is failed now, so jobs failing again meanwhile cannot keep it going.
    const failedNow = await this.queue.getFailedCount();
    let retried = 0;
    while (retried < failedNow) {
      const jobs = await this.transientFailures(PAGE);
      if (!jobs.length) break;
      await Promise.all(
        jobs.map((job) =>
          job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true }),
        ),
      );
      retried += jobs.length;
    }
    if (retried)
      this.logger.info({ retried }, 'data platform answers again: dead letters redriven');
    return retried;
  }

  /** The oldest failed jobs whose failure a retry may fix. */
  private async transientFailures(limit: number): Promise<Job[]> {
    const found: Job[] = [];
    for (let start = 0; found.length < limit; start += PAGE) {
      // Oldest first: the probe is the event that waited longest.
      const jobs = (await this.queue.getJobs('failed', start, start + PAGE - 1, true)) as Job[];
      found.push(...jobs.filter((job) => !job.failedReason?.startsWith(PERMANENT_FAILURE)));
      if (jobs.length < PAGE) break;
    }
    return found.slice(0, limit);
  }
}

/** The redrive as a background task of the workers process; closes the queue when it stops. */
export function dataPlatformRedriveTask(
  queue: Queue,
  intervalMs: number,
  logger: Logger,
): BackgroundTask {
  const redrive = new DataPlatformRedrive(queue, logger);
  const task = new IntervalTask('data-platform-redrive', intervalMs, () => redrive.pass(), logger);
  return {
    name: task.name,
    start: () => task.start(),
    async stop() {
      await task.stop();
      await queue.close();
    },
  };
}
