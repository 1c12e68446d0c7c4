import { createServer, type Server, type Socket } from 'node:net';
import { Types } from 'mongoose';
import { createSignedInUser, errorCodes, startStack, type Stack, type TestUser } from '../src';

const MIXED = '{ products(first: 1) { totalCount } me { id inquiries { totalCount } } }';

/** Accepts connections on `port` and never answers: a subgraph that hangs. */
async function hangingServer(port: number): Promise<{ close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function ready(stack: Stack) {
  const response = await fetch(stack.gatewayUrl.replace('/graphql', '/ready'));
  return {
    status: response.status,
    body: (await response.json()) as {
      checks: Record<string, boolean>;
      circuits: Record<string, string>;
    },
  };
}

describe('partial data when a subgraph is down or slow', () => {
  let stack: Stack;
  let user: TestUser;

  beforeAll(async () => {
    stack = await startStack({
      SUBGRAPH_TIMEOUT_MS: '1000',
      CIRCUIT_FAILURE_THRESHOLD: '3',
      CIRCUIT_RESET_MS: '3000',
    });
    user = await createSignedInUser(stack);
  });
  afterAll(() => stack.stop());

  it('answers products and SERVICE_UNAVAILABLE on me.inquiries while support is stopped', async () => {
    await stack.stopSubgraph('support');
    try {
      const result = await stack.query<{ products: { totalCount: number } }>(
        MIXED,
        {},
        { token: user.accessToken },
      );
      expect(result.status).toBe(200);
      expect(result.data?.products).toEqual({ totalCount: 0 });
      expect(result.errors).toEqual([
        expect.objectContaining({
          path: ['me', 'inquiries'],
          extensions: { code: 'SERVICE_UNAVAILABLE' },
        }),
      ]);
      expect(JSON.stringify(result.errors)).not.toMatch(/support|127\.0\.0\.1|ECONNREFUSED/);
    } finally {
      await stack.startSubgraph('support');
    }
  });

  it('keeps the other fields while products is stopped', async () => {
    await stack.stopSubgraph('products');
    try {
      const result = await stack.query<{ product: null; me: { id: string } }>(
        'query ($id: ID!) { product(id: $id) { id name } me { id } }',
        { id: new Types.ObjectId().toHexString() },
        { token: user.accessToken },
      );
      expect(result.status).toBe(200);
      expect(result.data).toEqual({ product: null, me: { id: user.id } });
      expect(result.errors?.map((error) => [error.path, error.extensions?.['code']])).toEqual([
        [['product'], 'SERVICE_UNAVAILABLE'],
      ]);
      // A non-null root field takes `data` down with it, but the answer is still typed.
      const listing = await stack.query(MIXED, {}, { token: user.accessToken });
      expect(listing.status).toBe(200);
      expect(errorCodes(listing)).toContain('SERVICE_UNAVAILABLE');
      expect(errorCodes(listing)).not.toContain('INTERNAL_SERVER_ERROR');
    } finally {
      await stack.startSubgraph('products');
    }
  });

  it('fails a mutation on a stopped subgraph with SERVICE_UNAVAILABLE and changes nothing', async () => {
    await stack.stopSubgraph('cart');
    let result;
    try {
      result = await stack.query(
        'mutation ($id: ID!) { addToCart(productId: $id, quantity: 1) { itemCount } }',
        { id: new Types.ObjectId().toHexString() },
        { token: user.accessToken },
      );
    } finally {
      await stack.startSubgraph('cart');
    }
    expect(result.status).toBe(200);
    expect(errorCodes(result)).toEqual(['SERVICE_UNAVAILABLE']);
    const cart = await stack.query('{ myCart { itemCount } }', {}, { token: user.accessToken });
    expect(cart.data).toEqual({ myCart: { itemCount: 0 } });
  });

  it('times out a hung subgraph, opens its circuit, says so in /ready, and recovers', async () => {
    const { port } = stack.subgraphs.support;
    await stack.stopSubgraph('support');
    const hanging = await hangingServer(port);
    try {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const startedAt = Date.now();
        const result = await stack.query(MIXED, {}, { token: user.accessToken });
        expect(Date.now() - startedAt).toBeLessThan(1_800);
        expect(result.data?.['products']).toEqual({ totalCount: 0 });
        expect(errorCodes(result)).toEqual(['SERVICE_UNAVAILABLE']);
      }
      // The circuit is open: no more waiting on the hung subgraph.
      const startedAt = Date.now();
      const fast = await stack.query(MIXED, {}, { token: user.accessToken });
      expect(Date.now() - startedAt).toBeLessThan(300);
      expect(errorCodes(fast)).toEqual(['SERVICE_UNAVAILABLE']);
      const down = await ready(stack);
      expect(down.status).toBe(503);
      expect(down.body.checks).toMatchObject({ support: false, products: true, users: true });
      expect(down.body.circuits).toMatchObject({ support: 'open', products: 'closed' });
    } finally {
      await hanging.close();
      await stack.startSubgraph('support');
    }
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    const recovered = await stack.query(MIXED, {}, { token: user.accessToken });
    expect(recovered.errors).toBeUndefined();
    expect((await ready(stack)).status).toBe(200);
  });
});
