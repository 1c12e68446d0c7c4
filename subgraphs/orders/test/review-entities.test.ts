import type { mongo } from 'mongoose';
import { Types } from 'mongoose';
import { testIdentity } from '@shop/subgraph-testing';
import { startOrders, type OrdersUnderTest } from './support/orders-under-test';

describe('Product reviews and rating through _entities', () => {
  let orders: OrdersUnderTest;
  const commands: mongo.CommandStartedEvent[] = [];
  const products = Array.from({ length: 12 }, () => new Types.ObjectId().toHexString());
  const review = (productId: string, rating: number, minute: number) => ({
    _id: Types.ObjectId.createFromTime(Date.UTC(2026, 10, 1, 0, minute) / 1000),
    orderId: new Types.ObjectId().toHexString(),
    productId,
    buyerId: new Types.ObjectId().toHexString(),
    authorName: `Buyer ${minute}`,
    rating,
    body: `review ${minute}`,
    outbox: [],
  });

  beforeAll(async () => {
    orders = await startOrders();
    const [first, second] = products;
    await orders.subgraph.models.reviews.insertMany([
      review(first!, 5, 1),
      review(first!, 4, 2),
      review(first!, 2, 3),
      review(second!, 3, 4),
    ]);
    orders.subgraph.runtime.mongo.getClient().on('commandStarted', (event) => {
      if (event.command[event.commandName] === 'reviews') commands.push(event);
    });
  });
  afterAll(() => orders.stop());

  it('resolves reviews (newest first) and ratings of 12 products with one query each', async () => {
    commands.length = 0;
    const result = await orders.call<{
      _entities: Array<{
        id: string;
        rating: { average: number; count: number };
        reviews: Array<{ rating: number; authorName: string; body: string }>;
      }>;
    }>(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) {
        ... on Product { id rating { average count } reviews(first: 2) { rating authorName body } } } }`,
      { representations: products.map((id) => ({ __typename: 'Product', id })) },
      testIdentity('CUSTOMER'),
    );
    expect(result.errors).toBeUndefined();
    const [first, second, third] = result.data?._entities ?? [];
    expect(first).toMatchObject({
      rating: { average: 3.67, count: 3 },
      reviews: [
        { rating: 2, body: 'review 3' },
        { rating: 4, body: 'review 2' },
      ],
    });
    expect(second?.rating).toEqual({ average: 3, count: 1 });
    expect(third).toMatchObject({ rating: { average: 0, count: 0 }, reviews: [] });
    expect(commands.map((c) => c.commandName).sort()).toEqual(['aggregate', 'find']);
  });
});
