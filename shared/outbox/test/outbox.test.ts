import { Schema, type Connection, type Types } from 'mongoose';
import { createLogger } from '@shop/logger';
import { connectMongo, syncAllIndexes } from '@shop/mongo';
import { createRedis, type Redis } from '@shop/redis';
import { uniqueName } from '@shop/testing';
import {
  AlreadyInProgressError,
  OutboxRelay,
  RedisOutbox,
  indexOutbox,
  mongoOutboxSource,
  newOutboxEvent,
  outboxField,
  processOnce,
  type OutboxEvent,
  type WithOutbox,
} from '../src';

interface Account extends WithOutbox {
  _id: Types.ObjectId;
  balance: number;
}

const logger = createLogger('outbox-test', 'silent');

describe('mongo outbox and relay', () => {
  let connection: Connection;
  const accountSchema = new Schema<Account>({ balance: Number, outbox: outboxField });
  indexOutbox(accountSchema);

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
    const first = newOutboxEvent('bank.account.credited', { amount: 100 });
    const second = newOutboxEvent('bank.account.credited', { amount: 50 });
    await accounts.updateOne({ _id }, { $inc: { balance: 100 }, $push: { outbox: first } });
    await accounts.updateOne({ _id }, { $inc: { balance: 50 }, $push: { outbox: second } });

    const delivered: OutboxEvent[] = [];
    const relay = new OutboxRelay({
      sources: [mongoOutboxSource(accounts)],
      dispatch: async (e) => void delivered.push(e),
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

  it('keeps an event whose dispatch failed, and delivers it on the next pass', async () => {
    const accounts = connection.model<Account>('Account');
    await accounts.create({ balance: 1, outbox: [newOutboxEvent('bank.account.opened', {})] });
    let failing = true;
    const delivered: string[] = [];
    const relay = new OutboxRelay({
      sources: [mongoOutboxSource(accounts)],
      dispatch: async (event) => {
        if (failing) throw new Error('queue unavailable');
        delivered.push(event.type);
      },
      logger,
    });
    await expect(relay.drain()).rejects.toThrow('queue unavailable');
    failing = false;
    expect(await relay.drain()).toBe(1);
    expect(delivered).toEqual(['bank.account.opened']);
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
    const event = newOutboxEvent('cart.item.added', { productId: 'p1', quantity: 2 });
    const cartKey = uniqueName('cart');
    await redis
      .multi()
      .hincrby(cartKey, 'line:p1', 2)
      .hset(outbox.key, ...outbox.pushArgs(event))
      .exec();
    const delivered: OutboxEvent[] = [];
    const relay = new OutboxRelay({
      sources: [outbox.source()],
      dispatch: async (e) => void delivered.push(e),
      logger,
    });
    expect(await relay.drain()).toBe(1);
    expect(delivered).toEqual([{ ...event, occurredAt: event.occurredAt }]);
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
