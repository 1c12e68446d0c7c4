import { Types } from 'mongoose';
import { orderPaid } from '@shop/contracts';
import { seedCatalog } from '@shop/products-subgraph';
import { waitFor } from '@shop/testing';
import { startStack, type Stack } from '../src';

describe('domain events across subgraphs, with default settings', () => {
  let stack: Stack;

  // No overrides: the relay's interval, the consumers and the queue prefix are the defaults
  // every process reads, which is how an event published by orders once never reached products.
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.stop());

  it('takes orders.order.paid from the orders outbox to the popularity consumer of products', async () => {
    const products = stack.subgraphs.products.subgraph.models.products;
    await seedCatalog(stack.subgraphs.products.subgraph.runtime.mongo, 5);
    const [first, second] = await products.find({}, { _id: 1 }).sort({ sku: 1 }).limit(2).lean();
    const lines = [
      { productId: String(first?._id), quantity: 2 },
      { productId: String(second?._id), quantity: 7 },
    ];
    const orderId = new Types.ObjectId();
    await stack.subgraphs.orders.subgraph.models.orders.collection.insertOne({
      _id: orderId,
      number: '20261123-000001',
      userId: new Types.ObjectId().toHexString(),
      status: 'PAID',
      total: { amount: 90_000, currency: 'KRW' },
      createdAt: new Date(),
      updatedAt: new Date(),
      outbox: [orderPaid.create({ orderId: orderId.toHexString(), lines })],
    });

    await waitFor('the sale to be counted by the catalog', async () =>
      (await stack.subgraphs.products.subgraph.models.sales.countDocuments()) === 2
        ? true
        : undefined,
    );
    const popular = await stack.query<{ popularProducts: Array<{ id: string }> }>(
      '{ popularProducts(limit: 5) { id } }',
    );
    expect(popular.data?.popularProducts.map((product) => product.id)).toEqual([
      lines[1]?.productId,
      lines[0]?.productId,
    ]);
    const order = await stack.subgraphs.orders.subgraph.models.orders.findById(orderId).lean();
    expect(order?.outbox ?? []).toEqual([]);
  });
});
