import { INVENTORY_INTERNAL, type RestockResponse } from '@shop/contracts';
import { InternalClient } from '@shop/service';
import { productModel } from '../src/product/product.model';
import { createProduct } from './support/catalog-builders';
import { startProducts, type ProductsUnderTest } from './support/products-client';

describe('restock of cancelled units', () => {
  let subgraph: ProductsUnderTest['subgraph'];
  let orders: InternalClient;

  beforeAll(async () => {
    const started = await startProducts();
    subgraph = started.subgraph;
    orders = new InternalClient({
      baseUrl: started.internalBaseUrl,
      caller: 'orders',
      audience: 'products',
      secret: started.config.INTERNAL_API_SECRET,
      timeoutMs: 30_000,
    });
  });
  afterAll(() => subgraph.stop());

  it('adds the units once per order and cancellation, however often and concurrently it is asked', async () => {
    const mongo = subgraph.runtime.mongo;
    const [a, b] = await Promise.all([
      createProduct(mongo, { onHand: 3 }),
      createProduct(mongo, { onHand: 0 }),
    ]);
    const request = {
      orderId: 'order-1',
      restockId: 'cancel-1',
      lines: [
        { productId: a._id.toHexString(), quantity: 2 },
        { productId: b._id.toHexString(), quantity: 1 },
      ],
    };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        orders.post<RestockResponse>(INVENTORY_INTERNAL.restock, request),
      ),
    );
    const applied = answers.flatMap((answer) => answer.lines.filter((line) => line.applied));
    expect(applied).toHaveLength(2);
    const stock = async (id: typeof a._id) =>
      (await productModel(mongo).findById(id).lean())?.stock;
    expect(await stock(a._id)).toMatchObject({ onHand: 5, available: 5, reserved: 0 });
    expect(await stock(b._id)).toMatchObject({ onHand: 1, available: 1, reserved: 0 });
    // Another cancellation of the same order is its own restock.
    await orders.post(INVENTORY_INTERNAL.restock, {
      ...request,
      restockId: 'cancel-2',
      lines: [request.lines[0]],
    });
    expect(await stock(a._id)).toMatchObject({ onHand: 7, available: 7 });
  });

  it('refuses a request without lines, restocking nothing', async () => {
    await expect(
      orders.post(INVENTORY_INTERNAL.restock, { orderId: 'o', restockId: 'r', lines: [] }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });
});
