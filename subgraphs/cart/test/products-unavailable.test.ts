import { createServer } from 'node:net';
import { Types } from 'mongoose';
import { uniqueName } from '@shop/testing';
import {
  errorCodesOf,
  startSubgraphForTest,
  testIdentity,
  type SubgraphForTest,
} from '@shop/subgraph-testing';
import { cartSubgraph, loadCartConfig, type CartConfig, type CartSubgraph } from '../src/server';

describe('the cart while the products subgraph is unreachable', () => {
  let cart: SubgraphForTest<CartConfig, CartSubgraph>;
  let cartKey: string;
  const owner = testIdentity('CUSTOMER');
  const productId = new Types.ObjectId().toHexString();

  beforeAll(async () => {
    const prefix = `${uniqueName('cart')}:`;
    cart = await startSubgraphForTest(cartSubgraph, loadCartConfig, {
      CART_KEY_PREFIX: prefix,
      // Nothing listens there: every lookup fails to connect.
      PRODUCTS_INTERNAL_URL: `http://127.0.0.1:${await closedPort()}`,
    });
    cartKey = `${prefix}${owner.userId}`;
    await cart.subgraph.runtime.redis.hset(cartKey, `line:${productId}`, '2', 'updatedAt', '1');
  });
  afterAll(() => cart.stop());

  it('refuses a mutation that needs availability with SERVICE_UNAVAILABLE, changing nothing', async () => {
    const before = await cart.subgraph.runtime.redis.hgetall(cartKey);
    const result = await cart.call(
      'mutation ($id: ID!) { addToCart(productId: $id, quantity: 1) { itemCount } }',
      { id: productId },
      owner,
    );
    expect(errorCodesOf(result)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(result.errors?.[0]?.message).not.toMatch(/127\.0\.0\.1|fetch/);
    expect(await cart.subgraph.runtime.redis.hgetall(cartKey)).toEqual(before);
  });

  it('still shows lines and quantities, which need no lookup, and still removes lines', async () => {
    const lines = await cart.call<{ myCart: unknown }>(
      '{ myCart { itemCount items { quantity product { id } } } }',
      {},
      owner,
    );
    expect(lines.data).toEqual({
      myCart: { itemCount: 2, items: [{ quantity: 2, product: { id: productId } }] },
    });
    const removed = await cart.call<{ removeFromCart: unknown }>(
      'mutation ($id: ID!) { removeFromCart(productId: $id) { itemCount } }',
      { id: productId },
      owner,
    );
    expect(removed.data).toEqual({ removeFromCart: { itemCount: 0 } });
  });
});

/** A port that was free a moment ago and has nothing listening on it now. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}
