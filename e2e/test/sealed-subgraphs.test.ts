import { signGatewayRequest } from '@shop/auth';
import { Types } from 'mongoose';
import { createSignedInUser, errorCodes, graphql, startStack, type Stack } from '../src';

const SUBGRAPHS = ['users', 'products', 'cart', 'orders', 'support'] as const;

/** The entity each subgraph owns or extends, for `_entities` probes. */
const ENTITY = {
  users: 'User',
  products: 'Product',
  cart: 'Cart',
  orders: 'Order',
  support: 'Inquiry',
};

const wrappedProbes = (typename: string, id: string) => ({
  'inline fragment': `{ ... on Query { _entities(representations: [{ __typename: "${typename}", id: "${id}" }]) { ... on ${typename} { id } } } }`,
  'named fragment': `{ ...F } fragment F on Query { _entities(representations: [{ __typename: "${typename}", id: "${id}" }]) { __typename } }`,
  'aliased, in a variable': `query ($r: [_Any!]!) { ... on Query { e: _entities(representations: $r) { __typename } } }`,
  '_service in a fragment': '{ ...F } fragment F on Query { _service { sdl } }',
  '_service aliased in an inline fragment': '{ ... on Query { s: _service { sdl } } }',
});

describe('subgraphs answer only the gateway', () => {
  let stack: Stack;
  let userId: string;

  beforeAll(async () => {
    stack = await startStack();
    userId = (await createSignedInUser(stack)).id;
  });
  afterAll(() => stack.stop());

  describe.each(SUBGRAPHS)('the %s subgraph', (name) => {
    it.each(Object.keys(wrappedProbes('X', 'y')))(
      'refuses _entities or _service wrapped as %s without a signature',
      async (probe) => {
        const query = wrappedProbes(ENTITY[name], userId)[probe as 'named fragment'];
        const result = await graphql(stack.subgraphs[name].url, query, {
          r: [{ __typename: ENTITY[name], id: userId }],
        });
        expect(result.status).toBe(401);
        expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
        expect(result.data).toBeUndefined();
        expect(JSON.stringify(result)).not.toMatch(/sdl|@key|"id"/);
      },
    );
  });

  it('refuses a captured signature carrying another body', async () => {
    const user = await createSignedInUser(stack);
    const query = '{ myCart { id } }';
    const headers = signGatewayRequest({
      audience: 'cart',
      identity: { userId: user.id, roles: ['CUSTOMER'], sessionId: user.sessionId },
      requestId: 'captured-request-1',
      secret: stack.signingSecret,
      body: { query, variables: {} },
    });
    const clearCart = await graphql(
      stack.subgraphs.cart.url,
      'mutation { clearCart { id } }',
      {},
      {
        headers,
      },
    );
    expect(clearCart.status).toBe(401);
    expect(errorCodes(clearCart)).toEqual(['UNAUTHENTICATED']);
    const otherVariables = await graphql(stack.subgraphs.cart.url, query, { x: 1 }, { headers });
    expect(otherVariables.status).toBe(401);
  });

  it('accepts a signature once: a replay of the very same request is refused', async () => {
    const query = '{ categories { id } }';
    const headers = signGatewayRequest({
      audience: 'products',
      identity: null,
      requestId: 'replayed-request-1',
      secret: stack.signingSecret,
      body: { query, variables: {} },
    });
    const first = await graphql(stack.subgraphs.products.url, query, {}, { headers });
    expect(first.status).toBe(200);
    expect(first.data).toEqual({ categories: [] });
    const replay = await graphql(stack.subgraphs.products.url, query, {}, { headers });
    expect(replay.status).toBe(401);
    expect(errorCodes(replay)).toEqual(['UNAUTHENTICATED']);
  });

  it('still resolves entities for the gateway', async () => {
    const id = new Types.ObjectId().toHexString();
    const result = await stack.query<{ product: null }>(
      'query ($id: ID!) { product(id: $id) { id } }',
      {
        id,
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ product: null });
  });
});
