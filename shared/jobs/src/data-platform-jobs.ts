import type { JobsOptions } from 'bullmq';

/** The consumer that forwards events to the outside data platform: its queue is `events.data-platform`. */
export const DATA_PLATFORM_CONSUMER = 'data-platform';

/**
 * Job options of events bound for the data platform (seed 003, US-19: asynchronous, retried at
 * most 3 times): the first try and 3 retries at 2, 4 and 8 s. A job that used them up stays
 * in the queue's failed set (the dead letter) for 30 days, where the workers' redrive finds it
 * once the platform answers again; delivered ones are kept a day to recognise duplicates.
 */
export const dataPlatformJobOptions: Omit<JobsOptions, 'jobId'> = {
  attempts: 4,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3_600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3_600 },
};
