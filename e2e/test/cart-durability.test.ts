import type { EventJob } from '@shop/events';
import { createQueue, eventQueueName } from '@shop/jobs';
import { uniqueName, waitFor } from '@shop/testing';
import { createSignedInUser, errorCodes, startStack, type Stack } from '../src';
import { CartCatalog, cartClient, linesOf, type CartClient } from './cart-fixtures';

describe('the cart under concurrency, restarts and events', () => {
  let stack: Stack;
  let catalog: CartCatalog;
  let analytics: ReturnType<typeof createQueue<EventJob>>;
  const queuePrefix = uniqueName('cart-queues');

  beforeAll(async () => {
    stack = await startStack({ QUEUE_PREFIX: queuePrefix, OUTBOX_RELAY_INTERVAL_MS: '50' });
    catalog = await CartCatalog.seed(stack, 40);
    analytics = createQueue<EventJob>(eventQueueName('analytics'), {
      redisUrl: String(stack.env['REDIS_URL']),
      prefix: queuePrefix,
    });
  });
  afterAll(async () => {
    await analytics.close();
    await analytics.disconnect();
    await stack.stop();
  });

  async function customer(): Promise<CartClient & { id: string }> {
    const user = await createSignedInUser(stack);
    return { id: user.id, ...cartClient(stack, user.accessToken) };
  }

  it('loses no update: 20 concurrent addToCart of one unit give quantity 20', async () => {
    const me = await customer();
    const productId = await catalog.take({ available: 50 });
    const results = await Promise.all(Array.from({ length: 20 }, () => me.add(productId, 1)));
    expect(results.flatMap((result) => errorCodes(result))).toEqual([]);
    expect(linesOf((await me.myCart()).data?.myCart)).toEqual([[productId, 20]]);
  });

  it('lets no concurrent add exceed the units available', async () => {
    const me = await customer();
    const productId = await catalog.take({ available: 7 });
    const results = await Promise.all(Array.from({ length: 12 }, () => me.add(productId, 1)));
    const codes = results.map((result) => errorCodes(result)[0] ?? 'OK');
    expect(codes.filter((code) => code === 'OK')).toHaveLength(7);
    expect(codes.filter((code) => code === 'OUT_OF_STOCK')).toHaveLength(5);
    expect(linesOf((await me.myCart()).data?.myCart)).toEqual([[productId, 7]]);
  });

  it('applies concurrent mutations of different lines of one cart', async () => {
    const me = await customer();
    const [a, b, c] = [await catalog.take(), await catalog.take(), await catalog.take()];
    await me.add(c, 5);
    await Promise.all([
      ...Array.from({ length: 10 }, () => me.add(a, 1)),
      ...Array.from({ length: 10 }, () => me.add(b, 2)),
      me.update(c, 9),
    ]);
    const cart = (await me.myCart()).data?.myCart;
    expect(new Map(linesOf(cart))).toEqual(
      new Map([
        [a, 10],
        [b, 20],
        [c, 9],
      ]),
    );
    expect(cart?.itemCount).toBe(39);
  });

  it('survives a restart of the cart subgraph', async () => {
    const me = await customer();
    const productId = await catalog.take({ price: 7_700 });
    await me.add(productId, 3);
    const before = (await me.myCart()).data?.myCart;
    await stack.restart('cart');
    const after = await me.myCart();
    expect(after.errors).toBeUndefined();
    expect(after.data?.myCart).toEqual(before);
    expect(after.data?.myCart.subtotal.amount).toBe(23_100);
    // The scripts are registered again on the new connection and keep working.
    expect(linesOf((await me.add(productId, 1)).data?.addToCart)).toEqual([[productId, 4]]);
  });

  it('publishes cart.item.added through the outbox to the analytics queue, once per add', async () => {
    const me = await customer();
    const productId = await catalog.take({ price: 4_500, available: 3 });
    await me.add(productId, 2);
    expect(errorCodes(await me.add(productId, 2))).toEqual(['OUT_OF_STOCK']);
    const mine = async () =>
      (await analytics.getJobs(['waiting', 'delayed', 'active', 'completed'])).filter(
        (job) => job.data.payload['userId'] === me.id,
      );
    const [job] = await waitFor('the cart.item.added job', async () => {
      const jobs = await mine();
      return jobs.length > 0 ? jobs : undefined;
    });
    expect(job?.name).toBe('cart.item.added');
    expect(job?.id).toBe(job?.data.id);
    expect(job?.data).toMatchObject({
      type: 'cart.item.added',
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      payload: {
        cartId: me.id,
        userId: me.id,
        productId,
        quantity: 2,
        unitPrice: { amount: 4_500, currency: 'KRW' },
      },
    });
    const outboxKey = `${String(stack.env['CART_KEY_PREFIX'])}outbox:events`;
    await waitFor('an empty outbox', async () =>
      (await stack.redis.hlen(outboxKey)) === 0 ? true : undefined,
    );
    expect(await mine()).toHaveLength(1);
  });
});
