import { createQueue, EMAIL_QUEUE, SMS_QUEUE } from '@shop/jobs';

export const NOTIFICATION_QUEUES = [EMAIL_QUEUE, SMS_QUEUE] as const;

/** What an operator needs to see about a job that gave up. */
export interface FailedJobSummary {
  queue: string;
  id: string;
  /** The job name: the template. */
  template: string;
  attemptsMade: number;
  failedReason: string;
  failedAt: string | null;
  eventId: string | null;
}

interface QueueTarget {
  redisUrl: string;
  prefix: string;
  queue: string;
}

/** The most recent failed jobs of a queue, newest first. */
export async function listFailedJobs(target: QueueTarget, limit = 50): Promise<FailedJobSummary[]> {
  const queue = createQueue<Record<string, unknown>>(target.queue, target);
  try {
    const jobs = await queue.getFailed(0, limit - 1);
    return jobs.map((job) => ({
      queue: target.queue,
      id: String(job.id),
      template: job.name,
      attemptsMade: job.attemptsMade,
      failedReason: job.failedReason,
      failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
      eventId: typeof job.data['eventId'] === 'string' ? job.data['eventId'] : null,
    }));
  } finally {
    await queue.close();
  }
}

/** Puts every failed job of a queue back in line; returns how many. Deduplication still holds. */
export async function retryFailedJobs(target: QueueTarget): Promise<number> {
  const queue = createQueue(target.queue, target);
  try {
    const failed = await queue.getFailedCount();
    await queue.retryJobs({ state: 'failed', count: 1_000 });
    return failed;
  } finally {
    await queue.close();
  }
}
