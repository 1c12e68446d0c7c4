import { setTimeout as sleep } from 'node:timers/promises';
import { Types } from 'mongoose';
import { AppError } from '@shop/errors';
import { IdempotencyService } from '../src/idempotency/idempotency.service';
import { startOrders, type OrdersUnderTest } from './support/orders-under-test';

describe('idempotency keys', () => {
  let orders: OrdersUnderTest;
  let keys: IdempotencyService;
  let shortLease: IdempotencyService;
  const buyerId = new Types.ObjectId().toHexString();

  beforeAll(async () => {
    orders = await startOrders();
    const model = orders.subgraph.models.idempotencyKeys;
    keys = new IdempotencyService(model, { leaseMs: 10_000, waitMs: 10_000 });
    shortLease = new IdempotencyService(model, { leaseMs: 500, waitMs: 5_000 });
  });
  afterAll(() => orders.stop());

  /** An operation that counts its runs and answers its claim's reference. */
  function counted(
    key: string,
    input: unknown,
    work: () => Promise<void> = async () => undefined,
    service = () => keys,
  ) {
    const runs: string[] = [];
    const call = () =>
      service().run({
        buyerId,
        operation: 'createOrder',
        key,
        input,
        execute: async (claim) => {
          runs.push(claim.resultRef);
          await work();
          return { resultRef: claim.resultRef, result: claim.resultRef };
        },
        replay: async (resultRef) => resultRef,
      });
    return { call, runs };
  }

  it('runs 50 concurrent identical requests once; all get the first one’s result', async () => {
    const { call, runs } = counted('k-concurrent', { a: 1, b: [1, 2] }, () => sleep(300));
    const results = await Promise.all(Array.from({ length: 50 }, call));
    expect(runs).toHaveLength(1);
    expect(new Set(results)).toEqual(new Set(runs));
  });

  it('refuses the key with another request, whatever the key order of the same request', async () => {
    const { call } = counted('k-reused', { a: 1, b: 2 });
    const first = await call();
    const sameRequest = await keys.run({
      buyerId,
      operation: 'createOrder',
      key: 'k-reused',
      input: { b: 2, a: 1 },
      execute: async () => {
        throw new Error('must not run');
      },
      replay: async (resultRef) => resultRef,
    });
    expect(sameRequest).toBe(first);
    await expect(counted('k-reused', { a: 1, b: 3 }).call()).rejects.toMatchObject({
      extensions: { code: 'IDEMPOTENCY_KEY_REUSED' },
    });
  });

  it('frees the key of a request refused with a coded error, so the corrected retry runs', async () => {
    let refuse = true;
    const { call, runs } = counted('k-refused', { a: 1 }, async () => {
      if (refuse) throw new AppError('OUT_OF_STOCK', 'none left');
    });
    await expect(call()).rejects.toMatchObject({ extensions: { code: 'OUT_OF_STOCK' } });
    refuse = false;
    await call();
    expect(runs).toHaveLength(2);
  });

  it('lets a retry take over a request that died, with the same result reference', async () => {
    const { call, runs } = counted(
      'k-dead',
      { a: 1 },
      async () => {
        if (runs.length === 1) await new Promise<never>(() => undefined); // the first never ends
      },
      () => shortLease,
    );
    void call();
    await sleep(100);
    const result = await call(); // waits for the lease (500 ms) to run out, then takes over
    expect(runs).toEqual([result, result]);
  });

  it('refuses keys outside 1–255 characters', async () => {
    for (const key of ['', 'k'.repeat(256)]) {
      await expect(counted(key, {}).call()).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'idempotencyKey' },
      });
    }
  });
});
