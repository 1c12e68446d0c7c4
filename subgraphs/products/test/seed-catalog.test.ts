import type { Connection } from 'mongoose';
import { connectMongo, syncAllIndexes } from '@shop/mongo';
import { uniqueName } from '@shop/testing';
import { categoryModel } from '../src/category/category.model';
import { productModel } from '../src/product/product.model';
import { seedCatalog } from '../src/seed/seed-catalog';

describe('seedCatalog', () => {
  let connection: Connection;

  beforeAll(async () => {
    connection = await connectMongo({
      uri: String(process.env['MONGODB_URI']),
      dbName: uniqueName('seed'),
    });
    productModel(connection);
    categoryModel(connection);
    await syncAllIndexes(connection);
  });
  afterAll(() => connection.close());

  it('seeds 1,000 products in 9 categories once, and a second run changes nothing', async () => {
    expect(await seedCatalog(connection, 1_000)).toEqual({ inserted: 1_000 });
    const products = productModel(connection);
    await products.updateOne({ sku: 'AUD-000001' }, { $set: { 'stock.onHand': 3 } });
    expect(await seedCatalog(connection, 1_000)).toEqual({ inserted: 0 });
    expect(await products.countDocuments()).toBe(1_000);
    expect(await categoryModel(connection).countDocuments()).toBe(9);
    expect((await products.findOne({ sku: 'AUD-000001' }).lean())?.stock.onHand).toBe(3);
  });
});
