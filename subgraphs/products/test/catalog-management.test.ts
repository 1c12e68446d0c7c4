import { Types } from 'mongoose';
import type { Identity } from '@shop/auth';
import type { EventJob } from '@shop/events';
import { createQueue, eventQueueName } from '@shop/jobs';
import { waitFor } from '@shop/testing';
import { testIdentity } from '@shop/subgraph-testing';
import { productModel } from '../src/product/product.model';
import type { ProductsConfig } from '../src/server';
import { createCategory } from './support/catalog-builders';
import { codesOf, startProducts, type ProductsUnderTest } from './support/products-client';

const FIELDS =
  'id sku name price { amount currency } tags images stockStatus availableQuantity purchasable category { id }';
const CREATE = `mutation ($input: CreateProductInput!) { createProduct(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { ${FIELDS} } }`;
const ARCHIVE = `mutation ($id: ID!) { archiveProduct(id: $id) { ${FIELDS} } }`;
const SET_STOCK = `mutation ($id: ID!, $quantity: Int!) { setStock(productId: $id, quantity: $quantity) { ${FIELDS} } }`;

interface Created {
  id: string;
  sku: string;
  name: string;
  stockStatus: string;
  availableQuantity: number;
  purchasable: boolean;
}

describe('catalog management', () => {
  let subgraph: ProductsUnderTest['subgraph'];
  let config: ProductsConfig;
  let client: Awaited<ReturnType<typeof startProducts>>['client'];
  let categoryId: string;
  const admin = testIdentity('ADMIN');
  const seller = testIdentity('SELLER');
  const otherSeller = testIdentity('SELLER');
  const customer = testIdentity('CUSTOMER');

  beforeAll(async () => {
    ({ subgraph, config, client } = await startProducts({ CATALOG_EVENT_CONSUMERS: 'analytics' }));
    categoryId = (await createCategory(subgraph.runtime.mongo, 'lamps'))._id.toHexString();
  });
  afterAll(() => subgraph.stop());

  const input = (overrides: Record<string, unknown> = {}) => ({
    name: '호두나무 스탠드 Walnut Lamp',
    description: '따뜻한 빛의 스탠드',
    price: { amount: 59_000 },
    categoryId,
    tags: ['Lighting', 'desk'],
    stock: 12,
    ...overrides,
  });
  const create = async (who: Identity, overrides: Record<string, unknown> = {}) => {
    const result = await client.run<{ createProduct: Created }>(
      CREATE,
      { input: input(overrides) },
      who,
    );
    expect(result.errors).toBeUndefined();
    return result.data?.createProduct as Created;
  };
  const count = () => productModel(subgraph.runtime.mongo).countDocuments();
  const searchIds = async (text: string) =>
    (await client.page({ filter: { search: text }, first: 50 })).edges.map((edge) => edge.node.id);

  it('lets ADMIN and SELLER create products with a generated SKU and initial stock', async () => {
    const product = await create(seller);
    expect(product).toMatchObject({
      sku: expect.stringMatching(/^P-[0-9A-F]{10}$/),
      name: '호두나무 스탠드 Walnut Lamp',
      stockStatus: 'IN_STOCK',
      availableQuantity: 12,
      purchasable: true,
    });
    const stored = await productModel(subgraph.runtime.mongo).findById(product.id).lean();
    expect(stored?.sellerId).toBe(seller.userId);
    expect(stored?.tags).toEqual(['lighting', 'desk']);
    const byAdmin = await create(admin, { sku: 'lamp-001', stock: 3 });
    expect(byAdmin).toMatchObject({ sku: 'LAMP-001', stockStatus: 'LOW_STOCK' });
  });

  it('refuses anonymous callers, customers and sellers on products that are not theirs', async () => {
    const own = await create(seller);
    const before = await count();
    expect(codesOf(await client.run(CREATE, { input: input() }))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await client.run(CREATE, { input: input() }, customer))).toEqual(['FORBIDDEN']);
    const foreign: Array<[string, Record<string, unknown>]> = [
      [UPDATE, { id: own.id, input: { name: 'Taken over' } }],
      [ARCHIVE, { id: own.id }],
      [SET_STOCK, { id: own.id, quantity: 0 }],
    ];
    for (const [mutation, variables] of foreign) {
      expect(codesOf(await client.run(mutation, variables, otherSeller))).toEqual(['FORBIDDEN']);
      expect(codesOf(await client.run(mutation, variables, customer))).toEqual(['FORBIDDEN']);
      expect(codesOf(await client.run(mutation, variables))).toEqual(['UNAUTHENTICATED']);
    }
    expect(await count()).toBe(before);
    const stored = await productModel(subgraph.runtime.mongo).findById(own.id).lean();
    expect(stored).toMatchObject({ name: own.name, status: 'ACTIVE', stock: { onHand: 12 } });
    // The owner and an admin may.
    const renamed = await client.run<{ updateProduct: Created }>(
      UPDATE,
      { id: own.id, input: { name: 'Mine' } },
      seller,
    );
    expect(renamed.data?.updateProduct.name).toBe('Mine');
    const archived = await client.run<{ archiveProduct: Created }>(ARCHIVE, { id: own.id }, admin);
    expect(archived.data?.archiveProduct.purchasable).toBe(false);
  });

  it('answers bad input with BAD_USER_INPUT or CONFLICT and changes nothing', async () => {
    const product = await create(admin, { sku: 'LAMP-BAD' });
    const before = await count();
    const badCreates = [
      { name: '' },
      { price: { amount: -1 } },
      { price: { amount: 100, currency: 'won' } },
      { stock: -1 },
      { categoryId: new Types.ObjectId().toHexString() },
      { categoryId: 'nope' },
      { tags: Array.from({ length: 21 }, (_, index) => `t${index}`) },
      { images: ['javascript:alert(1)'] },
      { sku: 'x' },
    ];
    for (const overrides of badCreates) {
      const result = await client.run(CREATE, { input: input(overrides) }, admin);
      expect({ overrides, codes: codesOf(result) }).toEqual({
        overrides,
        codes: ['BAD_USER_INPUT'],
      });
    }
    expect(codesOf(await client.run(CREATE, { input: input({ sku: 'LAMP-BAD' }) }, admin))).toEqual(
      ['CONFLICT'],
    );
    expect(await count()).toBe(before);
    for (const bad of [
      { name: '  ' },
      { price: { amount: 1.5 } },
      { categoryId: new Types.ObjectId().toHexString() },
    ]) {
      const result = await client.run(UPDATE, { id: product.id, input: bad }, admin);
      expect(codesOf(result).length).toBe(1);
      expect(['BAD_USER_INPUT']).toContain(codesOf(result)[0]);
    }
    expect(codesOf(await client.run(SET_STOCK, { id: product.id, quantity: -3 }, admin))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codesOf(await client.run(UPDATE, { id: 'nope', input: {} }, admin))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(
      codesOf(await client.run(ARCHIVE, { id: new Types.ObjectId().toHexString() }, admin)),
    ).toEqual(['NOT_FOUND']);
    const stored = await productModel(subgraph.runtime.mongo).findById(product.id).lean();
    expect(stored).toMatchObject({
      name: product.name,
      price: { amount: 59_000 },
      stock: { onHand: 12 },
    });
  });

  it('sets on-hand stock keeping reservations, with stock statuses at the thresholds', async () => {
    const product = await create(admin);
    await productModel(subgraph.runtime.mongo).updateOne(
      { _id: product.id },
      { $set: { 'stock.reserved': 4, 'stock.available': 8 } },
    );
    const statuses: Array<[number, string, number]> = [
      [14, 'IN_STOCK', 10],
      [13, 'LOW_STOCK', 9],
      [5, 'LOW_STOCK', 1],
      [4, 'SOLD_OUT', 0],
    ];
    for (const [quantity, status, available] of statuses) {
      const result = await client.run<{ setStock: Created }>(
        SET_STOCK,
        { id: product.id, quantity },
        admin,
      );
      expect(result.data?.setStock).toMatchObject({
        stockStatus: status,
        availableQuantity: available,
        purchasable: available > 0,
      });
    }
    expect(codesOf(await client.run(SET_STOCK, { id: product.id, quantity: 3 }, admin))).toEqual([
      'CONFLICT',
    ]);
    const stored = await productModel(subgraph.runtime.mongo).findById(product.id).lean();
    expect(stored?.stock).toEqual({ onHand: 4, reserved: 4, available: 0 });
  });

  it('reflects create, update and archive in search within a second', async () => {
    const product = await create(admin, { name: 'Zebrawood Shelf', tags: ['storage'] });
    const within = { timeoutMs: 1_000, intervalMs: 20 };
    await waitFor(
      'the new product in search',
      async () => ((await searchIds('zebrawood')).includes(product.id) ? true : undefined),
      within,
    );
    await client.run(UPDATE, { id: product.id, input: { name: 'Tigerwood Shelf' } }, admin);
    await waitFor(
      'the renamed product in search',
      async () => {
        const [renamed, old] = await Promise.all([searchIds('tigerwood'), searchIds('zebrawood')]);
        return renamed.includes(product.id) && !old.includes(product.id) ? true : undefined;
      },
      within,
    );
    await client.run(ARCHIVE, { id: product.id }, admin);
    await waitFor(
      'the archived product gone from search',
      async () => ((await searchIds('tigerwood')).includes(product.id) ? undefined : true),
      within,
    );
    const listed = await client.walk({ filter: { categoryId } }, 100);
    expect(listed.nodes.map((node) => node.id)).not.toContain(product.id);
  });

  it('serves product reads from the read model or the cache and never a stale one after a change', async () => {
    const product = await create(admin, { name: 'Cached Lamp' });
    const read = () =>
      client.run<{ product: { name: string } }>('query ($id: ID!) { product(id: $id) { name } }', {
        id: product.id,
      });
    expect((await read()).data?.product.name).toBe('Cached Lamp');
    const key = `${config.dbName}:cache:product:${product.id}`;
    await client.run(UPDATE, { id: product.id, input: { name: 'Renamed Lamp' } }, admin);
    expect(await subgraph.runtime.redis.exists(key)).toBe(0);
    expect((await read()).data?.product.name).toBe('Renamed Lamp');
    // First pages (memory, or Redis-cached MongoDB pages) follow a change at once too.
    const first = await client.page({ filter: { categoryId }, sort: 'NEWEST', first: 5 });
    const added = await create(admin, { name: 'Newest Lamp' });
    const again = await client.page({ filter: { categoryId }, sort: 'NEWEST', first: 5 });
    expect(again.edges[0]?.node.id).toBe(added.id);
    expect(again.totalCount).toBe(first.totalCount + 1);
  });

  it('emits catalog.product.updated for every change through the outbox', async () => {
    const product = await create(seller, { name: 'Evented Lamp' });
    await client.run(UPDATE, { id: product.id, input: { price: { amount: 61_000 } } }, seller);
    await client.run(ARCHIVE, { id: product.id }, seller);
    const queue = createQueue<EventJob>(eventQueueName('analytics'), {
      redisUrl: config.REDIS_URL,
      prefix: config.QUEUE_PREFIX,
    });
    try {
      const changes = await waitFor('three product events in the analytics queue', async () => {
        const jobs = await queue.getJobs(['waiting', 'delayed', 'completed', 'failed']);
        const mine = jobs
          .filter(
            (job) =>
              job.data.type === 'catalog.product.updated' &&
              job.data.payload['productId'] === product.id,
          )
          .sort((a, b) => a.data.occurredAt.localeCompare(b.data.occurredAt));
        return mine.length === 3 ? mine.map((job) => job.data.payload) : undefined;
      });
      expect(changes.map((change) => change['change'])).toEqual(['CREATED', 'UPDATED', 'ARCHIVED']);
      expect(changes[1]).toMatchObject({
        price: { amount: 61_000, currency: 'KRW' },
        sellerId: seller.userId,
      });
    } finally {
      await queue.close();
    }
  });
});
