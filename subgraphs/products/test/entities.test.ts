import type { mongo } from 'mongoose';

import { seedCatalog } from '../src/seed/seed-catalog';
import { startProducts, type ProductsUnderTest } from './support/products-client';

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Product { sku stockStatus category { slug } relatedProducts(limit: 3) { id name price { amount } } }
  }
}`;

describe('products _entities and relatedProducts: database round trips per batch', () => {
  let products: ProductsUnderTest;
  const commands: mongo.CommandStartedEvent[] = [];

  beforeAll(async () => {
    // Background tasks (outbox relay, sweeper) poll the database; only request queries count here.
    products = await startProducts({ PRODUCTS_BACKGROUND_TASKS: 'off' });
    await seedCatalog(products.subgraph.runtime.mongo, 200);
    products.subgraph.runtime.mongo.getClient().on('commandStarted', (event) => {
      if (['find', 'aggregate', 'count', 'getMore'].includes(event.commandName))
        commands.push(event);
    });
  });
  afterAll(() => products.stop());

  /** The collections this request's own queries read; the read model's one-time build is not one. */
  const requestQueries = () =>
    commands
      .filter((event) => event.commandName !== 'getMore')
      .filter((event) => Object.keys((event.command['filter'] as object) ?? {}).length > 0)
      .map((event) => String(event.command[event.commandName]));

  async function entities(batch: Array<{ _id: { toHexString(): string }; sku: string }>) {
    commands.length = 0;
    const result = await products.call<{
      _entities: Array<{ sku: string; category: { slug: string }; relatedProducts: unknown[] }>;
    }>(ENTITIES, {
      representations: batch.map((product) => ({
        __typename: 'Product',
        id: product._id.toHexString(),
      })),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities.map((product) => product.sku)).toEqual(
      batch.map((product) => product.sku),
    );
    expect(result.data?._entities.every((product) => product.relatedProducts.length === 3)).toBe(
      true,
    );
    return requestQueries();
  }

  it('answers 20 products and their related products with one products and one categories query while the read model is built', async () => {
    const batch = await products.subgraph.models.products.find().sort({ sku: 1 }).limit(20).lean();
    expect(products.subgraph.services.searchIndex.isReady).toBe(false);
    const queries = await entities(batch);
    expect(queries.sort()).toEqual(['categories', 'products']);
  });

  it('answers 20 products, their categories and their 60 related products with no products query, and then none at all, once the read model is built', async () => {
    await products.subgraph.services.searchIndex.ensureReady();
    const batch = await products.subgraph.models.products.find().sort({ sku: -1 }).limit(20).lean();
    // At most the categories not seen before, in one query; then they are remembered.
    expect(await entities(batch)).not.toContain('products');
    expect(await entities(batch)).toEqual([]);
  });

  it('reads products the read model does not hold yet in one query for the whole batch', async () => {
    const known = await products.subgraph.models.products.find().sort({ sku: 1 }).limit(17).lean();
    // Written around the services and not announced: the read model has not seen them.
    const { _id: _a, sku: _b, ...template } = known[0] as (typeof known)[number];
    const unseen = await products.subgraph.models.products.insertMany(
      [1, 2, 3].map((n) => ({ ...template, sku: `UNSEEN-${n}` })),
    );
    const batch = [...known, ...unseen.map((row) => row.toObject())];
    expect(await entities(batch)).toEqual(['products']);
  });
});
