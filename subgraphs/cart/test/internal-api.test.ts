import { Types } from 'mongoose';
import { CART_INTERNAL } from '@shop/contracts';
import { InternalClient } from '@shop/service';
import { uniqueName } from '@shop/testing';
import { startSubgraphForTest, type SubgraphForTest } from '@shop/subgraph-testing';
import { cartSubgraph, loadCartConfig, type CartConfig, type CartSubgraph } from '../src/server';

interface Lines {
  lines: Array<{ productId: string; quantity: number }>;
}

describe("the cart's internal API for checkout", () => {
  let cart: SubgraphForTest<CartConfig, CartSubgraph>;
  let prefix: string;
  const buyer = new Types.ObjectId().toHexString();
  const [a, b, c] = Array.from({ length: 3 }, () => new Types.ObjectId().toHexString());
  const client = (caller: string) =>
    new InternalClient({
      baseUrl: cart.origin,
      caller,
      audience: 'cart',
      secret: cart.config.INTERNAL_API_SECRET,
    });

  beforeAll(async () => {
    prefix = `${uniqueName('cart')}:`;
    cart = await startSubgraphForTest(cartSubgraph, loadCartConfig, { CART_KEY_PREFIX: prefix });
    // Lines as addToCart writes them: quantity and the order in which they were first added.
    await cart.subgraph.runtime.redis.hset(`${prefix}${buyer}`, {
      [`line:${a}`]: '3',
      [`added:${a}`]: '1',
      [`line:${b}`]: '1',
      [`added:${b}`]: '2',
      seq: '2',
      updatedAt: '1',
    });
  });
  afterAll(() => cart.stop());

  it('reads a buyer’s lines in the order they were added, and an empty cart for a stranger', async () => {
    const lines = await client('orders').post<Lines>(CART_INTERNAL.lines, { userId: buyer });
    expect(lines).toEqual({
      lines: [
        { productId: a, quantity: 3 },
        { productId: b, quantity: 1 },
      ],
    });
    const stranger = new Types.ObjectId().toHexString();
    expect(await client('orders').post(CART_INTERNAL.lines, { userId: stranger })).toEqual({
      lines: [],
    });
  });

  it('removes what an order bought once, keeping units added since and lines it did not buy', async () => {
    const orderId = new Types.ObjectId().toHexString();
    // Since the order (2 of a, 1 of b), the buyer raised a to 3 and added c.
    await cart.subgraph.runtime.redis.hset(`${prefix}${buyer}`, {
      [`line:${c}`]: '4',
      [`added:${c}`]: '3',
    });
    const request = {
      userId: buyer,
      orderId,
      lines: [
        { productId: a, quantity: 2 },
        { productId: b, quantity: 1 },
      ],
    };
    const first = await client('orders').post(CART_INTERNAL.removeOrdered, request);
    const again = await client('orders').post(CART_INTERNAL.removeOrdered, request);
    const left = [
      { productId: a, quantity: 1 },
      { productId: c, quantity: 4 },
    ];
    expect(first).toEqual({ removed: true, lines: left });
    expect(again).toEqual({ removed: false, lines: left });
    expect(await client('orders').post(CART_INTERNAL.lines, { userId: buyer })).toEqual({
      lines: left,
    });
  });

  it('answers only orders, and refuses malformed requests changing nothing', async () => {
    await expect(client('cart').post(CART_INTERNAL.lines, { userId: buyer })).rejects.toThrow(
      /401/,
    );
    await expect(
      client('orders').post(CART_INTERNAL.removeOrdered, {
        userId: buyer,
        orderId: 'o',
        lines: [{ productId: a, quantity: 0 }],
      }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const lines = await client('orders').post<Lines>(CART_INTERNAL.lines, { userId: buyer });
    expect(lines.lines).toEqual([
      { productId: a, quantity: 1 },
      { productId: c, quantity: 4 },
    ]);
  });
});
