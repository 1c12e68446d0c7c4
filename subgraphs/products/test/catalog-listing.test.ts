import type { Subgraph } from '@shop/service';
import { uniqueName } from '@shop/testing';
import { productModel, type ProductDocument } from '../src/product/product.model';
import { seedCatalog } from '../src/seed/seed-catalog';
import { createProductsSubgraph, loadProductsConfig } from '../src/server';
import { createProduct } from './support/catalog-builders';
import { codesOf, productsClient, type ListedProduct } from './support/products-client';

describe('products listing: filters, sorts and keyset pagination', () => {
  let subgraph: Subgraph;
  let client: ReturnType<typeof productsClient>;
  let all: ProductDocument[];

  beforeAll(async () => {
    const config = loadProductsConfig({
      ...process.env,
      PRODUCTS_DB: uniqueName('listing'),
      PRODUCTS_BACKGROUND_TASKS: 'off',
      PRODUCTS_CACHE_TTL_SECONDS: '0',
    });
    subgraph = await createProductsSubgraph(config);
    const { url } = await subgraph.http.listen(0);
    client = productsClient({ url, audience: 'products', secret: config.GATEWAY_SIGNING_SECRET });
    await seedCatalog(subgraph.runtime.mongo, 1_000);
    const products = productModel(subgraph.runtime.mongo);
    // Popularity for the POPULAR sort, with ties, as the refresher would set it.
    const ids = (await products.find({}, { _id: 1 }).limit(300).lean()).map((row) => row._id);
    await products.bulkWrite(
      ids.map((_id, index) => ({
        updateOne: { filter: { _id }, update: { $set: { popularity: index % 17 } } },
      })),
    );
    all = await products.find({ status: 'ACTIVE' }).lean<ProductDocument[]>();
  });
  afterAll(() => subgraph.stop());

  const byId = () => new Map(all.map((product) => [product._id.toHexString(), product]));

  const comparators: Record<string, (a: ProductDocument, b: ProductDocument) => number> = {
    NEWEST: (a, b) =>
      b.createdAt.getTime() - a.createdAt.getTime() ||
      cmp(b._id.toHexString(), a._id.toHexString()),
    PRICE_ASC: (a, b) =>
      a.price.amount - b.price.amount || cmp(a._id.toHexString(), b._id.toHexString()),
    PRICE_DESC: (a, b) =>
      b.price.amount - a.price.amount || cmp(b._id.toHexString(), a._id.toHexString()),
    NAME_ASC: (a, b) => cmp(a.name, b.name) || cmp(a._id.toHexString(), b._id.toHexString()),
    POPULAR: (a, b) =>
      (b.popularity ?? 0) - (a.popularity ?? 0) || cmp(b._id.toHexString(), a._id.toHexString()),
    RELEVANCE: (a, b) => cmp(a._id.toHexString(), b._id.toHexString()),
  };
  function cmp(a: string, b: string) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  it.each(Object.keys(comparators))(
    'walks every page of 1,000 products sorted %s with no duplicates and no gaps',
    async (sort) => {
      const { nodes, pages, totalCount } = await client.walk({ sort }, 100);
      expect(totalCount).toBe(1_000);
      expect(pages).toBe(10);
      expect(new Set(nodes.map((node) => node.id)).size).toBe(1_000);
      const expected = [...all].sort(comparators[sort]).map((product) => product._id.toHexString());
      expect(nodes.map((node) => node.id)).toEqual(expected);
    },
  );

  it('walks odd page sizes too', async () => {
    const { nodes, pages } = await client.walk({ sort: 'PRICE_DESC' }, 37);
    expect(pages).toBe(28);
    expect(new Set(nodes.map((node) => node.id)).size).toBe(1_000);
  });

  it('keeps cursors correct when products are inserted during a walk', async () => {
    const connection = subgraph.runtime.mongo;
    const first = await client.page({ sort: 'PRICE_ASC', first: 50 });
    const boundary = first.edges.at(-1)?.node.price.amount ?? 0;
    const before = await createProduct(connection, { price: { amount: 0, currency: 'KRW' } });
    const later = await createProduct(connection, {
      price: { amount: boundary + 1, currency: 'KRW' },
    });
    try {
      const seen: ListedProduct[] = [...first.edges.map((edge) => edge.node)];
      let after = first.pageInfo.endCursor;
      for (;;) {
        const page = await client.page({ sort: 'PRICE_ASC', first: 100, after });
        seen.push(...page.edges.map((edge) => edge.node));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      const ids = seen.map((node) => node.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toContain(later._id.toHexString());
      expect(ids).not.toContain(before._id.toHexString());
      expect(ids).toHaveLength(1_001);
    } finally {
      await productModel(connection).deleteMany({ _id: { $in: [before._id, later._id] } });
    }
  });

  it('filters by category, price range, stock status and tags, combined with AND', async () => {
    const sample = all[3] as ProductDocument;
    const categoryId = sample.categoryId.toHexString();
    const tag = sample.tags[0] as string;
    const cases: Array<[Record<string, unknown>, (p: ProductDocument) => boolean]> = [
      [{ categoryId }, (p) => p.categoryId.toHexString() === categoryId],
      [
        { minPrice: 50_000, maxPrice: 150_000 },
        (p) => p.price.amount >= 50_000 && p.price.amount <= 150_000,
      ],
      [{ stockStatus: ['SOLD_OUT'] }, (p) => p.stock.available === 0],
      [{ stockStatus: ['LOW_STOCK'] }, (p) => p.stock.available >= 1 && p.stock.available <= 9],
      [{ stockStatus: ['IN_STOCK', 'LOW_STOCK'] }, (p) => p.stock.available >= 1],
      [{ tags: [tag] }, (p) => p.tags.includes(tag)],
      [
        { categoryId, tags: [tag], maxPrice: 200_000, stockStatus: ['IN_STOCK'] },
        (p) =>
          p.categoryId.toHexString() === categoryId &&
          p.tags.includes(tag) &&
          p.price.amount <= 200_000 &&
          p.stock.available >= 10,
      ],
    ];
    for (const [filter, matches] of cases) {
      const expected = all
        .filter(matches)
        .map((p) => p._id.toHexString())
        .sort();
      expect(expected.length).toBeGreaterThan(0);
      const { nodes, totalCount } = await client.walk({ filter, sort: 'PRICE_ASC' }, 100);
      expect(totalCount).toBe(expected.length);
      expect(nodes.map((node) => node.id).sort()).toEqual(expected);
      const lookup = byId();
      expect(nodes.every((node) => matches(lookup.get(node.id) as ProductDocument))).toBe(true);
    }
  });

  it('answers bad paging and filter input with BAD_USER_INPUT', async () => {
    const newest = await client.page({ sort: 'NEWEST', first: 2 });
    const bad: Array<Record<string, unknown>> = [
      { first: 101 },
      { first: 0 },
      { first: -5 },
      { after: 'not-a-cursor' },
      { sort: 'PRICE_ASC', after: newest.pageInfo.endCursor },
      { filter: { minPrice: -1 } },
      { filter: { minPrice: 10, maxPrice: 5 } },
      { filter: { categoryId: 'nope' } },
      { filter: { search: 'x'.repeat(201) } },
    ];
    for (const variables of bad) {
      const result = await client.run(
        'query ($filter: ProductFilter, $sort: ProductSort, $first: Int, $after: String) { products(filter: $filter, sort: $sort, first: $first, after: $after) { totalCount } }',
        variables,
      );
      expect({ variables, codes: codesOf(result) }).toEqual({
        variables,
        codes: ['BAD_USER_INPUT'],
      });
    }
  });
});
