import { Types } from 'mongoose';
import { cartItemAdded } from '@shop/contracts';
import { RedisOutbox } from '@shop/events';
import { createRedis, type Redis } from '@shop/redis';
import { uniqueName } from '@shop/testing';
import { CartStore, cartKeys } from '../src/cart/cart.store';

describe('CartStore scripts against Redis', () => {
  let redis: Redis;
  let store: CartStore;
  let outbox: RedisOutbox;
  const limits = { availableQuantity: 1_000, maxLines: 3, maxLineQuantity: 99 };
  const ttlSeconds = 30 * 86_400;
  const newId = () => new Types.ObjectId().toHexString();
  const event = () =>
    cartItemAdded.create({
      cartId: 'c',
      userId: 'u',
      productId: newId(),
      quantity: 1,
      unitPrice: { amount: 1_000, currency: 'KRW' },
    });

  beforeAll(() => {
    redis = createRedis(String(process.env['REDIS_URL']));
    const prefix = `${uniqueName('cart-store')}:`;
    outbox = new RedisOutbox(redis, cartKeys(prefix).outbox);
    store = new CartStore(redis, { keyPrefix: prefix, ttlSeconds, outbox });
  });
  afterAll(() => redis.quit());

  it('adds to a line, keeps first-added order, stamps updatedAt and sets the TTL', async () => {
    const [userId, a, b] = [newId(), newId(), newId()];
    const startedAt = Date.now();
    await store.addLine(userId, { productId: b, quantity: 2 }, limits, event());
    await store.addLine(userId, { productId: a, quantity: 1 }, limits, event());
    const outcome = await store.addLine(userId, { productId: b, quantity: 3 }, limits, event());
    expect(outcome.kind).toBe('written');
    const cart = await store.get(userId);
    expect(cart.lines).toEqual([
      { productId: b, quantity: 5 },
      { productId: a, quantity: 1 },
    ]);
    expect(outcome).toEqual({ kind: 'written', cart });
    expect(cart.updatedAt.getTime()).toBeGreaterThanOrEqual(startedAt);
    expect(await redis.ttl(store.key(userId))).toBeGreaterThan(ttlSeconds - 10);
  });

  it('writes the event with the change, and neither when the add is refused', async () => {
    const [userId, productId] = [newId(), newId()];
    const accepted = event();
    await store.addLine(userId, { productId, quantity: 2 }, limits, accepted);
    expect(JSON.parse((await redis.hget(outbox.key, accepted.id)) ?? 'null')).toMatchObject({
      id: accepted.id,
      type: 'cart.item.added',
    });
    const refused = event();
    const before = await redis.hgetall(store.key(userId));
    expect(
      await store.addLine(
        userId,
        { productId, quantity: 2 },
        { ...limits, availableQuantity: 3 },
        refused,
      ),
    ).toEqual({ kind: 'out-of-stock', current: 2 });
    expect(await redis.hget(outbox.key, refused.id)).toBeNull();
    expect(await redis.hgetall(store.key(userId))).toEqual(before);
  });

  it('refuses a fourth line and a line above 99 units', async () => {
    const userId = newId();
    const [a, b, c, d] = [newId(), newId(), newId(), newId()];
    for (const productId of [a, b, c]) {
      await store.addLine(userId, { productId, quantity: 1 }, limits, event());
    }
    expect(await store.addLine(userId, { productId: d, quantity: 1 }, limits, event())).toEqual({
      kind: 'too-many-lines',
      lines: 3,
    });
    expect(await store.addLine(userId, { productId: a, quantity: 98 }, limits, event())).toEqual({
      kind: 'written',
      cart: expect.objectContaining({ id: userId }),
    });
    expect(await store.addLine(userId, { productId: a, quantity: 1 }, limits, event())).toEqual({
      kind: 'line-quantity-limit',
      current: 99,
    });
  });

  it('serialises concurrent adds to one line', async () => {
    const [userId, productId] = [newId(), newId()];
    await Promise.all(
      Array.from({ length: 50 }, () =>
        store.addLine(userId, { productId, quantity: 1 }, limits, event()),
      ),
    );
    expect((await store.get(userId)).lines).toEqual([{ productId, quantity: 50 }]);
  });

  it('sets, removes and clears lines; an absent line is NOT_IN_CART unless being removed', async () => {
    const [userId, a, b] = [newId(), newId(), newId()];
    await store.addLine(userId, { productId: a, quantity: 1 }, limits, event());
    await store.addLine(userId, { productId: b, quantity: 1 }, limits, event());
    await store.setLineQuantity(userId, { productId: a, quantity: 7 });
    await store.setLineQuantity(userId, { productId: b, quantity: 0 });
    expect((await store.get(userId)).lines).toEqual([{ productId: a, quantity: 7 }]);
    expect(await store.setLineQuantity(userId, { productId: b, quantity: 2 })).toEqual({
      kind: 'not-in-cart',
    });
    const unchanged = await store.setLineQuantity(userId, { productId: b, quantity: 0 });
    expect(unchanged).toEqual({ kind: 'written', cart: await store.get(userId) });
    const cleared = await store.clear(userId);
    expect(cleared.lines).toEqual([]);
    expect(await redis.ttl(store.key(userId))).toBeGreaterThan(ttlSeconds - 10);
  });

  it('reads several carts in one pipeline, empty ones at the epoch', async () => {
    const [owner, nobody, productId] = [newId(), newId(), newId()];
    await store.addLine(owner, { productId, quantity: 4 }, limits, event());
    const [full, empty] = await store.getMany([owner, nobody]);
    expect(full?.lines).toEqual([{ productId, quantity: 4 }]);
    expect(empty).toEqual({ id: nobody, lines: [], updatedAt: new Date(0) });
  });
});
