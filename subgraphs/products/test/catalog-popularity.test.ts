import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { orderPaid } from '@shop/contracts';
import type { EventJob } from '@shop/events';
import { createQueue, eventQueueName } from '@shop/jobs';
import { waitFor } from '@shop/testing';
import { salesBucketModel } from '../src/popularity/sales.model';
import type { ProductsConfig } from '../src/server';
import { createProduct } from './support/catalog-builders';
import { codesOf, startProducts, type ProductsUnderTest } from './support/products-client';

const DAY = 86_400_000;

describe('popular and related products', () => {
  let subgraph: ProductsUnderTest['subgraph'];
  let config: ProductsConfig;
  let client: Awaited<ReturnType<typeof startProducts>>['client'];
  let announce: Awaited<ReturnType<typeof startProducts>>['announce'];
  let queue: ReturnType<typeof createQueue<EventJob>>;

  beforeAll(async () => {
    ({ subgraph, config, client, announce } = await startProducts({
      POPULARITY_REFRESH_MS: '60000',
    }));
    queue = createQueue<EventJob>(eventQueueName('catalog'), {
      redisUrl: config.REDIS_URL,
      prefix: config.QUEUE_PREFIX,
    });
  });
  afterAll(async () => {
    await queue.close();
    await subgraph.stop();
  });

  const paid = (lines: Array<[string, number]>, daysAgo = 0, id = randomUUID()): EventJob => {
    const at = new Date(Date.now() - daysAgo * DAY).toISOString();
    return {
      id,
      type: orderPaid.type,
      version: orderPaid.version,
      occurredAt: at,
      payload: {
        orderId: randomUUID(),
        paidAt: at,
        lines: lines.map(([productId, quantity]) => ({ productId, quantity })),
      },
    };
  };
  const totalUnits = async () =>
    (await salesBucketModel(subgraph.runtime.mongo).find().lean()).reduce(
      (sum, b) => sum + b.units,
      0,
    );

  it('ranks products by units sold over the last 3 days from deduplicated order events', async () => {
    const [a, b, c, d] = await Promise.all(
      [1, 2, 3, 4].map(() => createProduct(subgraph.runtime.mongo, { onHand: 20 })),
    );
    const ids = [a, b, c, d].map((product) => product?._id.toHexString() as string);
    const [idA, idB, idC, idD] = ids as [string, string, string, string];
    const events = [
      paid([
        [idA, 2],
        [idB, 5],
      ]),
      paid([[idA, 4]], 1),
      paid([[idC, 2]], 2),
      paid([[idD, 50]], 4), // outside the window
      paid([
        [idC, 1],
        [idC, 1],
      ]),
    ];
    const duplicate = events[0] as EventJob;
    for (const event of events) await queue.add(event.type, event, { jobId: event.id });
    // The same event delivered again under another job id (e.g. after the queue forgot it).
    await queue.add(duplicate.type, duplicate, { jobId: `${duplicate.id}-again` });
    await queue.add('other', { ...paid([[idB, 9]]), type: 'orders.order.created' });
    await waitFor('every event to be counted', async () =>
      (await totalUnits()) === 65 ? true : undefined,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await totalUnits()).toBe(65);

    const result = await client.run<{ popularProducts: Array<{ id: string }> }>(
      '{ popularProducts { id } }',
    );
    expect(result.data?.popularProducts.map((product) => product.id)).toEqual([idA, idB, idC]);
    const top2 = await client.run<{ popularProducts: Array<{ id: string }> }>(
      '{ popularProducts(limit: 2) { id } }',
    );
    expect(top2.data?.popularProducts.map((product) => product.id)).toEqual([idA, idB]);
    expect(codesOf(await client.run('{ popularProducts(limit: 0) { id } }'))).toEqual([
      'BAD_USER_INPUT',
    ]);

    // The POPULAR sort follows the same counts.
    const page = await client.page({ sort: 'POPULAR', first: 3 });
    expect(page.edges.map((edge) => edge.node.id)).toEqual([idA, idB, idC]);

    // Cached for a minute: a new sale does not reorder the list before the next refresh.
    await queue.add(orderPaid.type, paid([[idC, 40]]));
    await waitFor('the new sale to be counted', async () =>
      (await totalUnits()) === 105 ? true : undefined,
    );
    const cached = await client.run<{ popularProducts: Array<{ id: string }> }>(
      '{ popularProducts { id } }',
    );
    expect(cached.data?.popularProducts[0]?.id).toBe(idA);
    await subgraph.services.popularity.refresh();
    const refreshed = await client.run<{ popularProducts: Array<{ id: string }> }>(
      '{ popularProducts { id } }',
    );
    expect(refreshed.data?.popularProducts[0]?.id).toBe(idC);
  });

  it('relates products of the same category or sharing tags, never the product itself', async () => {
    const categoryId = new Types.ObjectId();
    const otherCategory = new Types.ObjectId();
    const make = (
      tags: string[],
      category = categoryId,
      status: 'ACTIVE' | 'ARCHIVED' = 'ACTIVE',
    ) => createProduct(subgraph.runtime.mongo, { categoryId: category, tags, status });
    const product = await make(['lamp', 'desk', 'wood']);
    const sameCategoryTwoTags = await make(['lamp', 'desk']);
    const sameCategory = await make(['garden']);
    const otherCategoryThreeTags = await make(['lamp', 'desk', 'wood'], otherCategory);
    const otherCategoryOneTag = await make(['wood'], otherCategory);
    const archived = await make(['lamp', 'desk', 'wood'], categoryId, 'ARCHIVED');
    const unrelated = await make(['unrelated'], otherCategory);
    await announce(
      [product, sameCategoryTwoTags, sameCategory, otherCategoryThreeTags, otherCategoryOneTag]
        .concat([archived, unrelated])
        .map((row) => row._id.toHexString()),
    );
    const related = await client.run<{ product: { relatedProducts: Array<{ id: string }> } }>(
      'query ($id: ID!, $limit: Int) { product(id: $id) { relatedProducts(limit: $limit) { id } } }',
      { id: product._id.toHexString(), limit: 10 },
    );
    expect(related.data?.product.relatedProducts.map((row) => row.id)).toEqual(
      [sameCategoryTwoTags, otherCategoryThreeTags, sameCategory, otherCategoryOneTag].map((row) =>
        row._id.toHexString(),
      ),
    );
    const defaults = await client.run<{ product: { relatedProducts: unknown[] } }>(
      'query ($id: ID!) { product(id: $id) { relatedProducts { id } } }',
      { id: product._id.toHexString() },
    );
    expect(defaults.data?.product.relatedProducts).toHaveLength(4);
  });
});
