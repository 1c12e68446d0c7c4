import { PRODUCTS_INTERNAL, type ProductLookupResponse } from '@shop/contracts';
import { InternalClient } from '@shop/service';
import { productModel } from '../src/product/product.model';
import { seedCatalog } from '../src/seed/seed-catalog';
import type { ProductsConfig } from '../src/server';
import { startProducts, type ProductsUnderTest } from './support/products-client';

describe('internal product lookup', () => {
  let subgraph: ProductsUnderTest['subgraph'];
  let config: ProductsConfig;
  let baseUrl: string;
  const client = (caller: string, secret = config.INTERNAL_API_SECRET) =>
    new InternalClient({ baseUrl, caller, audience: 'products', secret });

  beforeAll(async () => {
    ({ subgraph, config, internalBaseUrl: baseUrl } = await startProducts());
    await seedCatalog(subgraph.runtime.mongo, 12);
  });
  afterAll(() => subgraph.stop());

  it('returns price and availability in request order, null for unknown ids', async () => {
    const products = productModel(subgraph.runtime.mongo);
    const [inStock, soldOut] = await Promise.all([
      products.findOne({ sku: 'AUD-000001' }).lean(),
      products.findOne({ sku: 'APP-000004' }).lean(),
    ]);
    await products.updateOne(
      { _id: soldOut?._id },
      { $set: { 'stock.onHand': 4, 'stock.reserved': 4 } },
    );
    const ids = [String(soldOut?._id), 'ffffffffffffffffffffffff', String(inStock?._id)];
    const result = await client('cart').post<ProductLookupResponse>(PRODUCTS_INTERNAL.lookup, {
      ids,
    });
    expect(result.products).toEqual([
      expect.objectContaining({
        id: ids[0],
        availableQuantity: 0,
        stockStatus: 'SOLD_OUT',
        purchasable: false,
      }),
      null,
      expect.objectContaining({
        id: ids[2],
        sku: 'AUD-000001',
        price: inStock?.price,
        stockStatus: 'IN_STOCK',
        purchasable: true,
      }),
    ]);
  });

  it('refuses callers without a valid signature or not on the list (cart, orders, support)', async () => {
    const body = { ids: ['ffffffffffffffffffffffff'] };
    await expect(
      client('cart', 'another-secret-that-is-long-enough-000000').post(
        PRODUCTS_INTERNAL.lookup,
        body,
      ),
    ).rejects.toThrow(/401/);
    await expect(client('users').post(PRODUCTS_INTERNAL.lookup, body)).rejects.toThrow(/401/);
    // Support checks that the product an inquiry names exists.
    expect(await client('support').post(PRODUCTS_INTERNAL.lookup, body)).toEqual({
      products: [null],
    });
    const unsigned = await fetch(`${baseUrl}/internal${PRODUCTS_INTERNAL.lookup}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shop-caller': 'cart' },
      body: JSON.stringify(body),
    });
    expect(unsigned.status).toBe(401);
  });

  it('reads the record by default and the read model when asked, with no database query', async () => {
    const products = productModel(subgraph.runtime.mongo);
    const product = await products.findOne({ sku: 'AUD-000001' }).lean();
    const ids = [String(product?._id)];
    await subgraph.services.searchIndex.ensureReady();
    const finds: string[] = [];
    // Reads by id: the outbox relay and the hold sweeper also query products in the background.
    const listener = (event: { commandName: string; command: Record<string, unknown> }) => {
      const filter = (event.command['filter'] ?? {}) as Record<string, unknown>;
      if (event.commandName === 'find' && '_id' in filter) {
        finds.push(String(event.command['find']));
      }
    };
    subgraph.runtime.mongo.getClient().on('commandStarted', listener);
    try {
      // Written around the services: the record has it, the read model has not been told.
      await products.updateOne({ _id: product?._id }, { $set: { 'price.amount': 777 } });
      const lookup = async (body: object) => {
        finds.length = 0;
        const {
          products: [found],
        } = await client('cart').post<ProductLookupResponse>(PRODUCTS_INTERNAL.lookup, {
          ids,
          ...body,
        });
        return { amount: found?.price.amount, finds: [...finds] };
      };
      expect(await lookup({})).toEqual({ amount: 777, finds: ['products'] });
      expect(await lookup({ source: 'record' })).toEqual({ amount: 777, finds: ['products'] });
      expect(await lookup({ source: 'readModel' })).toEqual({
        amount: product?.price.amount,
        finds: [],
      });
      await subgraph.services.searchIndex.refreshIfBuilt(ids);
      expect((await lookup({ source: 'readModel' })).amount).toBe(777);
    } finally {
      subgraph.runtime.mongo.getClient().off('commandStarted', listener);
    }
  });

  it('answers a bad request with a typed error', async () => {
    await expect(
      client('orders').post(PRODUCTS_INTERNAL.lookup, { ids: [] }),
    ).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'ids' },
    });
    await expect(
      client('orders').post(PRODUCTS_INTERNAL.lookup, { ids: ['x'], source: 'cache' }),
    ).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'source' },
    });
  });
});
