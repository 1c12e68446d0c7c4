import type { mongo } from 'mongoose';

import { seedCatalog } from '../src/seed/seed-catalog';
import { startProducts, type ProductsUnderTest } from './support/products-client';

describe('products _entities', () => {
  let products: ProductsUnderTest;
  const finds: mongo.CommandStartedEvent[] = [];

  beforeAll(async () => {
    // Background tasks (outbox relay, sweeper) poll the database; only request queries count here.
    products = await startProducts({ PRODUCTS_BACKGROUND_TASKS: 'off' });
    await seedCatalog(products.subgraph.runtime.mongo, 60);
    products.subgraph.runtime.mongo.getClient().on('commandStarted', (event) => {
      if (event.commandName === 'find') finds.push(event);
    });
  });
  afterAll(() => products.stop());

  it('resolves a batch of 50 products with one products query and one categories query', async () => {
    const batch = await products.subgraph.models.products.find().sort({ sku: 1 }).limit(50).lean();
    finds.length = 0;
    const result = await products.call<{
      _entities: Array<{ sku: string; category: { slug: string } }>;
    }>(
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on Product { sku stockStatus category { slug } } }
      }`,
      {
        representations: batch.map((product) => ({
          __typename: 'Product',
          id: product._id.toHexString(),
        })),
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities.map((product) => product.sku)).toEqual(
      batch.map((product) => product.sku),
    );
    expect(finds.map((event) => event.command['find'])).toEqual(['products', 'categories']);
  });
});
