import type { mongo } from 'mongoose';
import type { Subgraph } from '@shop/service';
import { callAsGateway, uniqueName, type GatewayCall } from '@shop/testing';
import { productModel } from '../src/product/product.model';
import { seedCatalog } from '../src/seed/seed-catalog';
import { createProductsSubgraph, loadProductsConfig } from '../src/server';

describe('products _entities', () => {
  let subgraph: Subgraph;
  let call: GatewayCall;
  const finds: mongo.CommandStartedEvent[] = [];

  beforeAll(async () => {
    // Background tasks (outbox relay, sweeper) poll the database; only request queries count here.
    const config = loadProductsConfig({
      ...process.env,
      PRODUCTS_DB: uniqueName('products'),
      PRODUCTS_BACKGROUND_TASKS: 'off',
    });
    subgraph = await createProductsSubgraph(config);
    const { url } = await subgraph.http.listen(0);
    call = { url, audience: 'products', secret: config.GATEWAY_SIGNING_SECRET };
    await seedCatalog(subgraph.runtime.mongo, 60);
    subgraph.runtime.mongo.getClient().on('commandStarted', (event) => {
      if (event.commandName === 'find') finds.push(event);
    });
  });
  afterAll(() => subgraph.stop());

  it('resolves a batch of 50 products with one products query and one categories query', async () => {
    const products = await productModel(subgraph.runtime.mongo)
      .find()
      .sort({ sku: 1 })
      .limit(50)
      .lean();
    finds.length = 0;
    const result = await callAsGateway<{
      _entities: Array<{ sku: string; category: { slug: string } }>;
    }>(
      call,
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on Product { sku stockStatus category { slug } } }
      }`,
      {
        representations: products.map((product) => ({
          __typename: 'Product',
          id: product._id.toHexString(),
        })),
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities.map((product) => product.sku)).toEqual(
      products.map((product) => product.sku),
    );
    expect(finds.map((event) => event.command['find'])).toEqual(['products', 'categories']);
  });
});
