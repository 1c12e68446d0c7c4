import type { Queue } from 'bullmq';
import { z } from 'zod';
import { createQueue, eventQueueName, type QueueConnection } from '@shop/jobs';
import { createLogger } from '@shop/logger';
import { createRedis, type Redis } from '@shop/redis';
import { uniqueName, waitFor } from '@shop/testing';
import type { BackgroundTask } from '@shop/lifecycle';
import {
  defineEvent,
  eventQueueDispatcher,
  eventWorker,
  on,
  toEventJob,
  type EventJob,
} from '../src';

const logger = createLogger('event-worker-test', 'silent');
const paid = defineEvent(
  'shop.order.paid',
  z.object({ orderId: z.string(), units: z.number().int().min(1) }),
);
const other = defineEvent('shop.order.viewed', z.object({ orderId: z.string() }));

describe('event queues and the event worker', () => {
  let redis: Redis;
  let connection: QueueConnection;
  let worker: BackgroundTask;
  let queue: Queue<EventJob>;
  const handled: Array<{ orderId: string; units: number }> = [];

  beforeAll(() => {
    redis = createRedis(String(process.env['REDIS_URL']));
    connection = { redisUrl: String(process.env['REDIS_URL']), prefix: uniqueName('events') };
    queue = createQueue<EventJob>(eventQueueName('billing'), connection);
    worker = eventWorker({
      consumer: 'billing',
      connection,
      redis,
      logger,
      handlers: [on(paid, async (payload) => void handled.push(payload))],
      // A copy handled at the same moment as the original waits out the lease: keep it short.
      leaseMs: 500,
    });
    worker.start();
  });
  afterAll(async () => {
    await worker.stop();
    await queue.close();
    await redis.quit();
  });

  it('handles an event once however often it is dispatched or queued', async () => {
    const dispatcher = eventQueueDispatcher({ consumer: 'billing', events: [paid] }, connection);
    const event = paid.create({ orderId: 'o-1', units: 3 });
    await dispatcher.dispatch([event, other.create({ orderId: 'o-1' })]);
    await dispatcher.dispatch([event]);
    // A copy under another job id (a queue emptied and refilled) is caught by processOnce.
    await queue.add(event.type, toEventJob(event), { jobId: `copy-${event.id}` });
    await waitFor('both jobs to finish', async () =>
      (await queue.getCompletedCount()) >= 2 ? true : undefined,
    );
    await dispatcher.close();
    expect(handled).toEqual([{ orderId: 'o-1', units: 3 }]);
    const completed = await queue.getJobs(['completed']);
    expect(completed.map((job) => job.returnvalue).sort()).toEqual(['duplicate', 'handled']);
    // The route carried only the event it names.
    expect(completed.every((job) => job.name === paid.type)).toBe(true);
  });

  it('fails a malformed payload once, as unrecoverable, and ignores events it has no handler for', async () => {
    const malformed = { ...toEventJob(paid.create({ orderId: 'o-2', units: 1 })) };
    malformed.payload = { orderId: 'o-2', units: 'many' };
    await queue.add(paid.type, malformed, { jobId: 'malformed' });
    await queue.add(other.type, toEventJob(other.create({ orderId: 'o-3' })), { jobId: 'other' });
    const failed = await waitFor('the malformed job to fail', async () => {
      const job = await queue.getJob('malformed');
      // Read again once failed: the copy fetched before may predate the failure's bookkeeping.
      return job && (await job.isFailed()) ? queue.getJob('malformed') : undefined;
    });
    expect(failed.attemptsMade).toBe(1);
    expect(failed.failedReason).toMatch(/malformed shop.order.paid event/);
    const ignored = await waitFor('the other job to complete', async () => {
      const job = await queue.getJob('other');
      return job && (await job.isCompleted()) ? job : undefined;
    });
    expect(ignored.returnvalue).toBe('ignored');
    expect(handled).toHaveLength(1);
  });
});
