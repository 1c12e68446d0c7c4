import { Types } from 'mongoose';
import { orderCreated } from '@shop/contracts';
import { eventQueueDispatcher, type DomainEvent } from '@shop/events';
import {
  DATA_PLATFORM_CONSUMER,
  createQueue,
  dataPlatformJobOptions,
  eventQueueName,
} from '@shop/jobs';
import { dataPlatform, waitFor } from '@shop/testing';
import { startWorkers, type WorkersConfig } from '../src/server';
import { testConfig } from './helpers';

const krw = (amount: number) => ({ amount, currency: 'KRW' });

function created(): DomainEvent {
  return orderCreated.create({
    orderId: new Types.ObjectId().toHexString(),
    number: '20261123-000001',
    buyerId: new Types.ObjectId().toHexString(),
    lines: [{ productId: new Types.ObjectId().toHexString(), quantity: 2, unitPrice: krw(5_000) }],
    subtotal: krw(10_000),
    shippingFee: krw(3_000),
    discount: krw(0),
    total: krw(13_000),
    couponId: null,
    payBy: new Date().toISOString(),
  });
}

const deliveriesOf = async (event: DomainEvent) =>
  (await dataPlatform.list({ type: event.type })).filter(
    (delivery) => delivery.eventId === event.id,
  );

async function deadLetters(workers: ReturnType<typeof startWorkers>): Promise<number> {
  const metric = await workers.metrics.getSingleMetric('data_platform_dead_letters_total')?.get();
  return metric?.values[0]?.value ?? 0;
}

describe('the data platform feed', () => {
  let config: WorkersConfig;
  let workers: ReturnType<typeof startWorkers>;

  beforeAll(() => {
    config = testConfig({ DATA_PLATFORM_REDRIVE_INTERVAL_MS: '300' });
    workers = startWorkers(config);
  });
  afterAll(async () => {
    await dataPlatform.setOutage(false);
    await workers.stop();
  });

  const connection = () => ({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX });

  it('retries the platform 3 times with backoff, then keeps the event in the dead letter', () => {
    expect(dataPlatformJobOptions).toMatchObject({
      attempts: 4,
      backoff: { type: 'exponential', delay: 2_000 },
    });
    expect(dataPlatformJobOptions.removeOnFail).not.toBe(true);
  });

  it('posts an event with its envelope and key, and delivers through failures', async () => {
    const dispatcher = eventQueueDispatcher(
      {
        consumer: DATA_PLATFORM_CONSUMER,
        jobOptions: { ...dataPlatformJobOptions, backoff: { type: 'fixed', delay: 100 } },
      },
      connection(),
    );
    try {
      await dataPlatform.failNext(2);
      const event = created();
      await dispatcher.dispatch([event]);
      const [delivery, ...others] = await waitFor('the event at the platform', async () => {
        const found = await deliveriesOf(event);
        return found.length ? found : undefined;
      });
      expect(others).toEqual([]);
      expect(delivery?.event).toMatchObject({
        id: event.id,
        type: 'orders.order.created',
        version: 1,
        payload: { number: '20261123-000001', total: krw(13_000) },
      });
      expect(await deadLetters(workers)).toBe(0);
    } finally {
      await dispatcher.close();
    }
  });

  it('dead-letters events through an outage, counts them, and delivers them once it ends', async () => {
    const options = {
      attempts: 2,
      backoff: { type: 'fixed' as const, delay: 100 },
      removeOnFail: { age: 3_600 },
    };
    const dispatcher = eventQueueDispatcher(
      { consumer: DATA_PLATFORM_CONSUMER, jobOptions: options },
      connection(),
    );
    const queue = createQueue(eventQueueName(DATA_PLATFORM_CONSUMER), connection());
    const events = [created(), created(), created()];
    try {
      await dataPlatform.setOutage(true);
      await dispatcher.dispatch(events);
      await waitFor('three dead letters', async () =>
        (await queue.getFailedCount()) === 3 ? true : undefined,
      );
      expect(await deadLetters(workers)).toBe(3);
      await dataPlatform.setOutage(false);
      await waitFor('every event at the platform', async () => {
        const delivered = await Promise.all(events.map(deliveriesOf));
        return delivered.every((found) => found.length === 1) ? true : undefined;
      });
      expect(await queue.getFailedCount()).toBe(0);
    } finally {
      await dataPlatform.setOutage(false);
      await dispatcher.close();
      await queue.close();
    }
  });
});
