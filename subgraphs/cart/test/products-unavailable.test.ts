import { createServer } from 'node:net';
import { Types } from 'mongoose';
import type { Subgraph } from '@shop/service';
import { callAsGateway, uniqueName, type GatewayCall } from '@shop/testing';
import { createCartSubgraph, loadCartConfig } from '../src/server';

describe('the cart while the products subgraph is unreachable', () => {
  let subgraph: Subgraph;
  let call: GatewayCall;
  let cartKey: string;
  const owner = {
    userId: new Types.ObjectId().toHexString(),
    roles: ['CUSTOMER' as const],
    sessionId: 's1',
  };
  const productId = new Types.ObjectId().toHexString();

  beforeAll(async () => {
    const prefix = `${uniqueName('cart')}:`;
    const config = loadCartConfig({
      ...process.env,
      CART_DB: uniqueName('cart'),
      CART_KEY_PREFIX: prefix,
      // Nothing listens there: every lookup fails to connect.
      PRODUCTS_INTERNAL_URL: `http://127.0.0.1:${await closedPort()}`,
    });
    subgraph = await createCartSubgraph(config);
    const { url } = await subgraph.http.listen(0);
    call = { url, audience: 'cart', secret: config.GATEWAY_SIGNING_SECRET, identity: owner };
    cartKey = `${prefix}${owner.userId}`;
    await subgraph.runtime.redis.hset(cartKey, `line:${productId}`, '2', 'updatedAt', '1');
  });
  afterAll(() => subgraph.stop());

  it('refuses a mutation that needs availability with SERVICE_UNAVAILABLE, changing nothing', async () => {
    const before = await subgraph.runtime.redis.hgetall(cartKey);
    const result = await callAsGateway(
      call,
      'mutation ($id: ID!) { addToCart(productId: $id, quantity: 1) { itemCount } }',
      { id: productId },
    );
    expect(result.errors?.map((error) => error.extensions?.['code'])).toEqual([
      'SERVICE_UNAVAILABLE',
    ]);
    expect(result.errors?.[0]?.message).not.toMatch(/127\.0\.0\.1|fetch/);
    expect(await subgraph.runtime.redis.hgetall(cartKey)).toEqual(before);
  });

  it('still shows lines and quantities, which need no lookup, and still removes lines', async () => {
    const lines = await callAsGateway<{ myCart: unknown }>(
      call,
      '{ myCart { itemCount items { quantity product { id } } } }',
    );
    expect(lines.data).toEqual({
      myCart: { itemCount: 2, items: [{ quantity: 2, product: { id: productId } }] },
    });
    const removed = await callAsGateway<{ removeFromCart: unknown }>(
      call,
      'mutation ($id: ID!) { removeFromCart(productId: $id) { itemCount } }',
      { id: productId },
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
