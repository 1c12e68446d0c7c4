import { productModel, type ProductDocument } from '../src/product/product.model';
import { seedCatalog } from '../src/seed/seed-catalog';
import { Types } from 'mongoose';
import { createProduct, type ProductSeed } from './support/catalog-builders';
import { codesOf, startProducts, type ProductsUnderTest } from './support/products-client';

describe.each(['memory', 'mongo'])(
  'products listing (%s): filters, sorts and keyset pagination',
  (listing) => {
    let subgraph: ProductsUnderTest['subgraph'];
    let client: Awaited<ReturnType<typeof startProducts>>['client'];
    let announce: Awaited<ReturnType<typeof startProducts>>['announce'];
    let stop: () => Promise<void>;
    let all: ProductDocument[];

    beforeAll(async () => {
      ({ subgraph, client, announce, stop } = await startProducts({
        PRODUCTS_BACKGROUND_TASKS: 'off',
        PRODUCTS_CACHE_TTL_SECONDS: '0',
        PRODUCTS_LISTING: listing,
      }));
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
      // Seeded around the service: the read model is built after, as on a process's first read.
      await subgraph.services.searchIndex.ensureReady();
    });
    // A subgraph left running keeps jest from exiting after the last test.
    afterAll(() => stop());

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
        const expected = [...all]
          .sort(comparators[sort])
          .map((product) => product._id.toHexString());
        expect(nodes.map((node) => node.id)).toEqual(expected);
      },
    );

    it('walks odd page sizes too', async () => {
      const { nodes, pages } = await client.walk({ sort: 'PRICE_DESC' }, 37);
      expect(pages).toBe(28);
      expect(new Set(nodes.map((node) => node.id)).size).toBe(1_000);
    });

    const EARLY = new Date('2020-01-01');
    const LATE = new Date('2030-01-01');
    // Per sort: a product that sorts before every seeded one, and one that sorts after all.
    const extremes: Record<string, [ProductSeed, ProductSeed]> = {
      NEWEST: [{ createdAt: LATE }, { createdAt: EARLY }],
      PRICE_ASC: [
        { price: { amount: 0, currency: 'KRW' } },
        { price: { amount: 2e9, currency: 'KRW' } },
      ],
      PRICE_DESC: [
        { price: { amount: 2e9, currency: 'KRW' } },
        { price: { amount: 0, currency: 'KRW' } },
      ],
      NAME_ASC: [{ name: '0000' }, { name: '힣힣힣' }],
      POPULAR: [{ popularity: 1e6 }, { popularity: 0 }],
      RELEVANCE: [{ _id: new Types.ObjectId('000000000000000000000001') }, {}],
    };

    it.each(Object.keys(extremes))(
      'keeps %s cursors correct when products are inserted during a walk',
      async (sort) => {
        const connection = subgraph.runtime.mongo;
        const [early, late] = extremes[sort] as [ProductSeed, ProductSeed];
        const first = await client.page({ sort, first: 50 });
        const before = await createProduct(connection, {
          ...early,
          createdAt: early.createdAt ?? new Date('2026-06-01'),
        });
        const after = await createProduct(connection, {
          ...late,
          createdAt: late.createdAt ?? new Date('2026-06-01'),
        });
        await announce([before._id.toHexString(), after._id.toHexString()]);
        try {
          const seen = first.edges.map((edge) => edge.node.id);
          let cursor = first.pageInfo.endCursor;
          for (;;) {
            const page = await client.page({ sort, first: 100, after: cursor });
            seen.push(...page.edges.map((edge) => edge.node.id));
            if (!page.pageInfo.hasNextPage) break;
            cursor = page.pageInfo.endCursor;
          }
          expect(new Set(seen).size).toBe(seen.length);
          expect(seen).toContain(after._id.toHexString());
          expect(seen).not.toContain(before._id.toHexString());
          expect(seen).toHaveLength(1_001);
        } finally {
          await productModel(connection).deleteMany({ _id: { $in: [before._id, after._id] } });
          await announce([before._id.toHexString(), after._id.toHexString()]);
        }
      },
    );

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

    const handMade = (values: unknown[]) =>
      Buffer.from(JSON.stringify(values)).toString('base64url');

    it('answers bad paging and filter input with BAD_USER_INPUT', async () => {
      const newest = await client.page({ sort: 'NEWEST', first: 2 });
      const bad: Array<Record<string, unknown>> = [
        { first: 101 },
        { first: 0 },
        { first: -5 },
        { after: 'not-a-cursor' },
        { sort: 'PRICE_ASC', after: newest.pageInfo.endCursor },
        // Hand-made cursors whose sort value is an operator or of the wrong kind.
        { sort: 'PRICE_ASC', after: handMade(['PRICE_ASC', '$gt', all[0]?._id.toHexString()]) },
        {
          sort: 'NAME_ASC',
          after: handMade(['NAME_ASC', { $ne: null }, all[0]?._id.toHexString()]),
        },
        {
          filter: { search: 'lamp' },
          after: handMade(['RELEVANCE', 'high', 'ffffffffffffffffffffffff']),
        },
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
  },
);
