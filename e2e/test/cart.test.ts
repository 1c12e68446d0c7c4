import { Types } from 'mongoose';
import { createSignedInUser, errorCodes, startStack, type Stack } from '../src';
import { CartCatalog, cartClient, linesOf, type CartClient, type CartView } from './cart-fixtures';

describe('the cart through the gateway', () => {
  let stack: Stack;
  let catalog: CartCatalog;

  beforeAll(async () => {
    stack = await startStack();
    catalog = await CartCatalog.seed(stack, 120);
  });
  afterAll(() => stack.stop());

  /** A signed-in customer with an empty cart. */
  async function customer(): Promise<CartClient & { id: string }> {
    const user = await createSignedInUser(stack);
    return { id: user.id, ...cartClient(stack, user.accessToken) };
  }

  async function cartOf(client: CartClient): Promise<CartView> {
    const result = await client.myCart();
    expect(result.errors).toBeUndefined();
    return result.data?.myCart as CartView;
  }

  it('refuses anonymous callers with UNAUTHENTICATED', async () => {
    const anonymous = cartClient(stack);
    const productId = await catalog.take();
    for (const result of [
      await anonymous.myCart(),
      await anonymous.add(productId, 1),
      await anonymous.update(productId, 1),
      await anonymous.remove(productId),
      await anonymous.clear(),
    ]) {
      expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('adds to the line of the same product and prices it with federated product fields', async () => {
    const me = await customer();
    const headphones = await catalog.take({ price: 12_500, available: 40 });
    const first = await me.add(headphones, 2);
    expect(first.errors).toBeUndefined();
    const second = await me.add(headphones, 3);
    expect(second.errors).toBeUndefined();
    const cart = second.data?.addToCart;
    expect(cart).toMatchObject({
      id: me.id,
      itemCount: 5,
      subtotal: { amount: 62_500, currency: 'KRW' },
      shippingFee: { amount: 0, currency: 'KRW' },
      discount: { amount: 0, currency: 'KRW' },
      total: { amount: 62_500, currency: 'KRW' },
      purchasable: true,
    });
    expect(cart?.items).toEqual([
      {
        quantity: 5,
        stockStatus: 'IN_STOCK',
        purchasable: true,
        unitPrice: { amount: 12_500, currency: 'KRW' },
        lineTotal: { amount: 62_500, currency: 'KRW' },
        product: {
          id: headphones,
          name: expect.any(String),
          price: { amount: 12_500 },
          stockStatus: 'IN_STOCK',
          availableQuantity: 40,
          purchasable: true,
        },
      },
    ]);
    expect(await cartOf(me)).toEqual(cart);
  });

  it('keeps lines in the order they were first added', async () => {
    const me = await customer();
    const [a, b, c] = [await catalog.take(), await catalog.take(), await catalog.take()];
    await me.add(b, 1);
    await me.add(a, 1);
    await me.add(c, 1);
    await me.add(b, 1);
    expect(linesOf(await cartOf(me))).toEqual([
      [b, 2],
      [a, 1],
      [c, 1],
    ]);
  });

  it('refuses a quantity below 1 with BAD_USER_INPUT and changes nothing', async () => {
    const me = await customer();
    const productId = await catalog.take();
    await me.add(productId, 1);
    const before = await cartOf(me);
    for (const quantity of [0, -3]) {
      const result = await me.add(productId, quantity);
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0]?.extensions?.['field']).toBe('quantity');
    }
    expect(await cartOf(me)).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown product', async () => {
    const me = await customer();
    for (const productId of [new Types.ObjectId().toHexString(), 'not-a-product-id']) {
      expect(errorCodes(await me.add(productId, 1))).toEqual(['NOT_FOUND']);
    }
    expect((await cartOf(me)).items).toEqual([]);
  });

  it('refuses with OUT_OF_STOCK when the product is sold out, archived or too short', async () => {
    const me = await customer();
    const soldOut = await catalog.take({ available: 0 });
    const archived = await catalog.take({ status: 'ARCHIVED' });
    const scarce = await catalog.take({ available: 5 });
    expect(errorCodes(await me.add(soldOut, 1))).toEqual(['OUT_OF_STOCK']);
    expect(errorCodes(await me.add(archived, 1))).toEqual(['OUT_OF_STOCK']);
    expect(errorCodes(await me.add(scarce, 6))).toEqual(['OUT_OF_STOCK']);
    expect((await me.add(scarce, 3)).errors).toBeUndefined();
    const before = await cartOf(me);
    const tooMany = await me.add(scarce, 3);
    expect(errorCodes(tooMany)).toEqual(['OUT_OF_STOCK']);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({
      productId: scarce,
      availableQuantity: 5,
    });
    expect(await cartOf(me)).toEqual(before);
  });

  it('holds at most 99 units of a product (BAD_USER_INPUT)', async () => {
    const me = await customer();
    const productId = await catalog.take({ available: 500 });
    expect(errorCodes(await me.add(productId, 100))).toEqual(['BAD_USER_INPUT']);
    expect((await me.add(productId, 98)).errors).toBeUndefined();
    expect((await me.add(productId, 1)).data?.addToCart.itemCount).toBe(99);
    const over = await me.add(productId, 1);
    expect(errorCodes(over)).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await me.update(productId, 100))).toEqual(['BAD_USER_INPUT']);
    expect(linesOf(await cartOf(me))).toEqual([[productId, 99]]);
  });

  it('holds at most 50 lines, even when 51 products are added at once', async () => {
    const me = await customer();
    const products = await Promise.all(Array.from({ length: 51 }, () => catalog.take()));
    const results = await Promise.all(products.map((productId) => me.add(productId, 1)));
    const codes = results.map((result) => errorCodes(result)[0] ?? 'OK');
    expect(codes.filter((code) => code === 'OK')).toHaveLength(50);
    expect(codes.filter((code) => code === 'BAD_USER_INPUT')).toHaveLength(1);
    const cart = await cartOf(me);
    expect(cart.items).toHaveLength(50);
    expect(cart.itemCount).toBe(50);
  });

  it('sets a quantity with updateCartItem, and 0 removes the line', async () => {
    const me = await customer();
    const [kept, dropped] = [await catalog.take({ available: 8 }), await catalog.take()];
    await me.add(kept, 1);
    await me.add(dropped, 2);
    const updated = await me.update(kept, 7);
    expect(updated.errors).toBeUndefined();
    expect(linesOf(updated.data?.updateCartItem)).toEqual([
      [kept, 7],
      [dropped, 2],
    ]);
    const removed = await me.update(dropped, 0);
    expect(linesOf(removed.data?.updateCartItem)).toEqual([[kept, 7]]);
    expect(removed.data?.updateCartItem.itemCount).toBe(7);
  });

  it('refuses updates beyond stock, below zero or of products not in the cart, changing nothing', async () => {
    const me = await customer();
    const productId = await catalog.take({ available: 4 });
    const elsewhere = await catalog.take();
    await me.add(productId, 2);
    const before = await cartOf(me);
    expect(errorCodes(await me.update(productId, 5))).toEqual(['OUT_OF_STOCK']);
    expect(errorCodes(await me.update(productId, -1))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await me.update(elsewhere, 1))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await me.update(new Types.ObjectId().toHexString(), 1))).toEqual([
      'NOT_FOUND',
    ]);
    await catalog.set(productId, { available: 0 });
    expect(errorCodes(await me.update(productId, 1))).toEqual(['OUT_OF_STOCK']);
    expect(await cartOf(me)).toMatchObject({ updatedAt: before.updatedAt, itemCount: 2 });
  });

  it('removes one line with removeFromCart and every line with clearCart', async () => {
    const me = await customer();
    const [a, b, c] = [await catalog.take(), await catalog.take(), await catalog.take()];
    await me.add(a, 1);
    await me.add(b, 2);
    await me.add(c, 3);
    expect(linesOf((await me.remove(b)).data?.removeFromCart)).toEqual([
      [a, 1],
      [c, 3],
    ]);
    expect(linesOf((await me.remove(b)).data?.removeFromCart)).toEqual([
      [a, 1],
      [c, 3],
    ]);
    const cleared = await me.clear();
    expect(cleared.errors).toBeUndefined();
    expect(cleared.data?.clearCart).toMatchObject({
      items: [],
      itemCount: 0,
      subtotal: { amount: 0 },
      shippingFee: { amount: 0 },
      total: { amount: 0 },
      purchasable: false,
    });
    expect((await cartOf(me)).items).toEqual([]);
  });

  it('charges 3,000 KRW shipping below a 50,000 KRW subtotal and none at it', async () => {
    const me = await customer();
    const [a, b] = [await catalog.take({ price: 16_333 }), await catalog.take({ price: 1 })];
    const below = (await me.add(a, 3)).data?.addToCart;
    expect(below).toMatchObject({
      itemCount: 3,
      subtotal: { amount: 48_999 },
      shippingFee: { amount: 3_000 },
      discount: { amount: 0 },
      total: { amount: 51_999 },
    });
    const justBelow = (await me.add(b, 1)).data?.addToCart;
    expect(justBelow).toMatchObject({
      subtotal: { amount: 49_000 },
      shippingFee: { amount: 3_000 },
      total: { amount: 52_000 },
    });
    await catalog.set(b, { price: 1_001 });
    expect(await cartOf(me)).toMatchObject({
      itemCount: 4,
      subtotal: { amount: 50_000 },
      shippingFee: { amount: 0 },
      total: { amount: 50_000 },
    });
    await catalog.set(b, { price: 1_000 });
    expect(await cartOf(me)).toMatchObject({
      subtotal: { amount: 49_999 },
      shippingFee: { amount: 3_000 },
      total: { amount: 52_999 },
    });
  });

  it('shows a price change at once: prices are never frozen', async () => {
    const me = await customer();
    const productId = await catalog.take({ price: 20_000 });
    await me.add(productId, 2);
    await catalog.set(productId, { price: 18_000 });
    const cart = await cartOf(me);
    expect(cart.items[0]).toMatchObject({
      unitPrice: { amount: 18_000 },
      lineTotal: { amount: 36_000 },
      product: { price: { amount: 18_000 } },
    });
    expect(cart.subtotal.amount).toBe(36_000);
  });

  it('keeps a product that sold out or was archived, flagged not purchasable', async () => {
    const me = await customer();
    const [soldOut, archived, short, fine] = [
      await catalog.take(),
      await catalog.take(),
      await catalog.take(),
      await catalog.take({ available: 30 }),
    ];
    for (const productId of [soldOut, archived, short, fine]) await me.add(productId, 3);
    await catalog.set(soldOut, { available: 0 });
    await catalog.set(archived, { status: 'ARCHIVED' });
    await catalog.set(short, { available: 2 });
    const cart = await cartOf(me);
    expect(cart.items.map((item) => [item.stockStatus, item.purchasable])).toEqual([
      ['SOLD_OUT', false],
      ['IN_STOCK', false],
      ['LOW_STOCK', false],
      ['IN_STOCK', true],
    ]);
    expect(cart.itemCount).toBe(12);
    expect(cart.purchasable).toBe(false);
  });

  it("keeps two users' carts apart", async () => {
    const [alice, bob] = [await customer(), await customer()];
    const [a, b] = [await catalog.take(), await catalog.take()];
    await alice.add(a, 1);
    await bob.add(b, 4);
    await bob.clear();
    await bob.add(a, 2);
    expect(await cartOf(alice)).toMatchObject({ id: alice.id, itemCount: 1 });
    expect(linesOf(await cartOf(alice))).toEqual([[a, 1]]);
    expect(linesOf(await cartOf(bob))).toEqual([[a, 2]]);
  });

  it('lives 30 days after its last write, refreshed by every write', async () => {
    const me = await customer();
    const productId = await catalog.take();
    await me.add(productId, 1);
    const key = `${String(stack.env['CART_KEY_PREFIX'])}${me.id}`;
    const thirtyDays = 30 * 86_400;
    expect(await stack.redis.ttl(key)).toBeGreaterThan(thirtyDays - 60);
    for (const write of [
      () => me.add(productId, 1),
      () => me.update(productId, 1),
      () => me.clear(),
    ]) {
      await stack.redis.expire(key, 100);
      expect((await write()).errors).toBeUndefined();
      expect(await stack.redis.ttl(key)).toBeGreaterThan(thirtyDays - 60);
    }
  });
});
