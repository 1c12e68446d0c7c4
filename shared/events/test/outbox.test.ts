import { Schema, type Connection, type Types } from 'mongoose';
import { createLogger } from '@shop/logger';
import { connectMongo, syncAllIndexes } from '@shop/mongo';
import { createRedis, type Redis } from '@shop/redis';
import { uniqueName } from '@shop/testing';
import { z } from 'zod';
import {
  AlreadyInProgressError,
  OutboxRelay,
  RedisOutbox,
  defineEvent,
  mongoOutboxSource,
  processOnce,
  withOutbox,
  type DomainEvent,
  type EventDispatcher,
  type WithOutbox,
} from '../src';

interface Account extends WithOutbox {
  _id: Types.ObjectId;
  balance: number;
}

const logger = createLogger('outbox-test', 'silent');
const credited = defineEvent('bank.account.credited', z.object({ amount: z.number() }));
const opened = defineEvent('bank.account.opened', z.object({}));
const itemAdded = defineEvent(
  'cart.item.added',
  z.object({ productId: z.string(), quantity: z.number() }),
);

/** A dispatcher that records what it is handed, or fails while `failing` says so. */
function recorder(options: { failing?: () => boolean } = {}) {
  const delivered: DomainEvent[] = [];
  const batches: number[] = [];
  const dispatcher: EventDispatcher = {
    name: 'recorder',
    async dispatch(events) {
      if (options.failing?.()) throw new Error('queue unavailable');
      batches.push(events.length);
      delivered.push(...events);
    },
    close: async () => undefined,
  };
  return { dispatcher, delivered, batches };
}

describe('mongo outbox and relay', () => {
  let connection: Connection;
  const accountSchema = withOutbox(new Schema<Account>({ balance: Number }));

  beforeAll(async () => {
    connection = await connectMongo({
      uri: String(process.env['MONGODB_URI']),
      dbName: uniqueName('outbox'),
    });
    connection.model('Account', accountSchema);
    await syncAllIndexes(connection);
  });
  afterAll(() => connection.close());

  it('writes the change and its event in one update and relays each event once', async () => {
    const accounts = connection.model<Account>('Account');
    const { _id } = await accounts.create({ balance: 0 });
    const first = credited.create({ amount: 100 });
    const second = credited.create({ amount: 50 });
    await accounts.updateOne({ _id }, { $inc: { balance: 100 }, $push: { outbox: first } });
    await accounts.updateOne({ _id }, { $inc: { balance: 50 }, $push: { outbox: second } });

    const { dispatcher, delivered } = recorder();
    const relay = new OutboxRelay({
      name: 'test',
      sources: [mongoOutboxSource(accounts)],
      dispatchers: [dispatcher],
      logger,
    });
    expect(await relay.drain()).toBe(2);
    expect(await relay.drain()).toBe(0);
    expect(delivered.map((event) => [event.id, event.payload])).toEqual([
      [first.id, { amount: 100 }],
      [second.id, { amount: 50 }],
    ]);
    const stored = await accounts.findById(_id).lean();
    expect(stored?.balance).toBe(150);
    expect(stored?.outbox ?? []).toEqual([]);
  });

  it('acknowledges without touching the documents: their updatedAt stays what the change set', async () => {
    const ledgers = connection.model<Account & { updatedAt: Date }>(
      'Ledger',
      withOutbox(
        new Schema<Account & { updatedAt: Date }>({ balance: Number }, { timestamps: true }),
      ),
    );
    const { _id } = await ledgers.create({ balance: 3, outbox: [opened.create({})] });
    const written = (await ledgers.findById(_id).lean())?.updatedAt;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const { dispatcher } = recorder();
    const relay = new OutboxRelay({
      name: 'test',
      sources: [mongoOutboxSource(ledgers)],
      dispatchers: [dispatcher],
      logger,
    });
    expect(await relay.drain()).toBe(1);
    const stored = await ledgers.findById(_id).lean();
    expect(stored?.outbox ?? []).toEqual([]);
    expect(stored?.updatedAt).toEqual(written);
  });

  it('keeps an event whose dispatch failed, and delivers it on the next pass', async () => {
    const accounts = connection.model<Account>('Account');
    await accounts.create({ balance: 1, outbox: [opened.create({})] });
    let failing = true;
    const { dispatcher, delivered } = recorder({ failing: () => failing });
    const relay = new OutboxRelay({
      name: 'test',
      sources: [mongoOutboxSource(accounts)],
      dispatchers: [dispatcher],
      logger,
    });
    await expect(relay.drain()).rejects.toThrow('queue unavailable');
    failing = false;
    expect(await relay.drain()).toBe(1);
    expect(delivered.map((event) => event.type)).toEqual(['bank.account.opened']);
  });

  it('drains a burst in one pass, a batch per round trip, and acknowledges every event', async () => {
    const accounts = connection.model<Account>('Account');
    await accounts.deleteMany({});
    await accounts.insertMany(
      Array.from({ length: 250 }, (_, index) => ({
        balance: index,
        outbox: [credited.create({ amount: index })],
      })),
    );
    const { dispatcher, delivered, batches } = recorder();
    const relay = new OutboxRelay({
      name: 'test',
      sources: [mongoOutboxSource(accounts)],
      dispatchers: [dispatcher],
      logger,
      batchSize: 100,
    });
    expect(await relay.drain()).toBe(250);
    expect(batches).toEqual([100, 100, 50]);
    expect(new Set(delivered.map((event) => event.id)).size).toBe(250);
    expect(await accounts.countDocuments({ 'outbox.id': { $exists: true } })).toBe(0);
  });
});

describe('redis outbox and processOnce', () => {
  let redis: Redis;

  beforeAll(() => {
    redis = createRedis(String(process.env['REDIS_URL']));
  });
  afterAll(() => redis.quit());

  it('relays events pushed atomically with a change', async () => {
    const outbox = new RedisOutbox(redis, uniqueName('outbox'));
    const event = itemAdded.create({ productId: 'p1', quantity: 2 });
    const cartKey = uniqueName('cart');
    await redis
      .multi()
      .hincrby(cartKey, 'line:p1', 2)
      .hset(outbox.key, ...outbox.pushArgs(event))
      .exec();
    const { dispatcher, delivered } = recorder();
    const relay = new OutboxRelay({
      name: 'test',
      sources: [outbox.source()],
      dispatchers: [dispatcher],
      logger,
    });
    expect(await relay.drain()).toBe(1);
    expect(delivered).toEqual([event]);
    expect(await redis.hlen(outbox.key)).toBe(0);
  });

  it('runs work once per event id, retries after a failure and refuses a concurrent duplicate', async () => {
    const consumer = uniqueName('mail');
    let runs = 0;
    await expect(
      processOnce(redis, consumer, 'e1', async () => Promise.reject(new Error('smtp down'))),
    ).rejects.toThrow('smtp down');
    expect(await processOnce(redis, consumer, 'e1', async () => void (runs += 1))).toBe(true);
    expect(await processOnce(redis, consumer, 'e1', async () => void (runs += 1))).toBe(false);
    expect(runs).toBe(1);

    let release: () => void = () => {};
    const slow = processOnce(
      redis,
      consumer,
      'e2',
      () => new Promise<void>((resolve) => (release = resolve)),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(processOnce(redis, consumer, 'e2', async () => undefined)).rejects.toBeInstanceOf(
      AlreadyInProgressError,
    );
    release();
    expect(await slow).toBe(true);
  });

  it('lets a retry run when a worker died holding the claim', async () => {
    const consumer = uniqueName('mail');
    await redis.set(`processed:${consumer}:e3`, 'processing', 'PX', 50);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await processOnce(redis, consumer, 'e3', async () => undefined)).toBe(true);
  });
});
