import { signGatewayRequest } from '@shop/auth';
import { Types } from 'mongoose';
import { createSignedInUser, errorCodes, graphql, startStack, type Stack } from '../src';

/** The products subgraph's seed: a few products, one per stock status, in one category. */
async function seedCatalog(stack: Stack) {
  const db = stack.subgraphs.products.subgraph.runtime.mongo;
  const categoryId = new Types.ObjectId();
  await db
    .collection('categories')
    .insertOne({ _id: categoryId, name: '오디오', nameEn: 'Audio', slug: 'audio' });
  const product = (sku: string, onHand: number, reserved = 0) => ({
    _id: new Types.ObjectId(),
    sku,
    name: `무선 헤드폰 ${sku}`,
    nameEn: `Wireless Headphones ${sku}`,
    description: '설명',
    descriptionEn: 'Description',
    price: { amount: 129_000, currency: 'KRW' },
    images: [],
    categoryId,
    tags: ['wireless'],
    status: 'ACTIVE',
    stock: { onHand, reserved },
    createdAt: new Date(),
    updatedAt: new Date(),
  });
  await db
    .collection('products')
    .insertMany([product('A-1', 50), product('A-2', 12, 5), product('A-3', 3, 3)]);
}

describe('the gateway over five subgraphs', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
    await seedCatalog(stack);
  });
  afterAll(() => stack.stop());

  it('lists products with money and stock status through the gateway', async () => {
    const result = await stack.query<{
      products: { totalCount: number; edges: Array<{ node: Record<string, unknown> }> };
    }>(
      '{ products(first: 3) { totalCount edges { node { sku name(locale: EN) price { amount currency } stockStatus availableQuantity purchasable category { slug } } } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.products.totalCount).toBe(3);
    expect(result.data?.products.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({
        sku: 'A-1',
        stockStatus: 'IN_STOCK',
        availableQuantity: 50,
        purchasable: true,
      }),
      expect.objectContaining({
        sku: 'A-2',
        stockStatus: 'LOW_STOCK',
        availableQuantity: 7,
        purchasable: true,
      }),
      expect.objectContaining({
        sku: 'A-3',
        stockStatus: 'SOLD_OUT',
        availableQuantity: 0,
        purchasable: false,
      }),
    ]);
    expect(result.data?.products.edges[0]?.node).toMatchObject({
      name: 'Wireless Headphones A-1',
      price: { amount: 129_000, currency: 'KRW' },
      category: { slug: 'audio' },
    });
  });

  it('answers me with null and myCart with UNAUTHENTICATED for anonymous callers', async () => {
    expect((await stack.query('{ me { id } }')).data).toEqual({ me: null });
    const cart = await stack.query('{ myCart { id } }');
    expect(errorCodes(cart)).toEqual(['UNAUTHENTICATED']);
  });

  it('answers a malformed query with a parse error: 400 for graphql-response+json, 200 for JSON', async () => {
    const strict = await stack.query(
      '{ products(first: ',
      {},
      {
        headers: { accept: 'application/graphql-response+json' },
      },
    );
    expect(strict.status).toBe(400);
    expect(errorCodes(strict)).toEqual(['GRAPHQL_PARSE_FAILED']);
    const legacy = await stack.query('{ products(first: ');
    expect(legacy.status).toBe(200);
    expect(errorCodes(legacy)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  it('resolves references across subgraphs for a signed-in user', async () => {
    const user = await createSignedInUser(stack, { name: 'Kim Minji' });
    const result = await stack.query<{ me: Record<string, unknown> }>(
      '{ me { id name email roles orders { totalCount edges { node { id } } } inquiries { totalCount edges { node { id } } } } myCart { id itemCount items { quantity } } }',
      {},
      { token: user.accessToken },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      me: {
        id: user.id,
        name: 'Kim Minji',
        email: user.email,
        roles: ['CUSTOMER'],
        orders: { totalCount: 0, edges: [] },
        inquiries: { totalCount: 0, edges: [] },
      },
      myCart: { id: user.id, itemCount: 0, items: [] },
    });
  });

  it('treats a token whose session was revoked as anonymous', async () => {
    const user = await createSignedInUser(stack);
    await stack.redis.del(`session:${user.sessionId}`);
    const result = await stack.query('{ me { id } }', {}, { token: user.accessToken });
    expect(result.data).toEqual({ me: null });
  });

  it('refuses queries nested too deep or with too many aliases before anything runs', async () => {
    const deep = (levels: number) =>
      `{ __schema { types { fields { type ${'{ ofType '.repeat(levels)}{ name }${' }'.repeat(levels)} } } } }`;
    expect((await stack.query(deep(4))).errors).toBeUndefined();
    const tooDeep = await stack.query(deep(6));
    expect(errorCodes(tooDeep)).toEqual(['QUERY_TOO_DEEP']);
    expect(tooDeep.data).toBeUndefined();
    const aliases = Array.from({ length: 16 }, (_, index) => `a${index}: categories { id }`).join(
      ' ',
    );
    const tooManyAliases = await stack.query(`{ ${aliases} }`);
    expect(errorCodes(tooManyAliases)).toEqual(['TOO_MANY_ALIASES']);
    expect(tooManyAliases.errors?.[0]?.message).toMatch(/16 aliases/);
  });

  it('serves health, readiness and metrics', async () => {
    const base = stack.gatewayUrl.replace('/graphql', '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      checks: { redis: true, users: true, products: true, cart: true, orders: true, support: true },
    });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(
      /graphql_operation_duration_seconds_count\{service="gateway",operation_type="query",outcome="ok"\} [1-9]/,
    );
  });
});

describe('a subgraph called directly', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.stop());

  it('refuses a made-up identity header', async () => {
    const forged = Buffer.from(
      JSON.stringify({ sub: new Types.ObjectId().toHexString(), roles: ['ADMIN'], sid: 'x' }),
    ).toString('base64url');
    const result = await graphql(
      stack.subgraphs.users.url,
      '{ me { id } }',
      {},
      { headers: { 'x-shop-identity': forged } },
    );
    expect(result.status).toBe(401);
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a signature made for another subgraph', async () => {
    const query = '{ myCart { id } }';
    const headers = signGatewayRequest({
      audience: 'products',
      identity: { userId: new Types.ObjectId().toHexString(), roles: ['CUSTOMER'], sessionId: 's' },
      requestId: 'test-request-1',
      secret: stack.signingSecret,
      body: { query, variables: {} },
    });
    const result = await graphql(stack.subgraphs.cart.url, query, {}, { headers });
    expect(result.status).toBe(401);
  });

  it('refuses even public reads to callers without the gateway signature', async () => {
    const result = await graphql(stack.subgraphs.products.url, '{ categories { id } }');
    expect(result.status).toBe(401);
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    expect(result.data).toBeUndefined();
  });
});
