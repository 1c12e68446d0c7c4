import { testIdentity } from '@shop/subgraph-testing';
import { MongoCatalogListing } from '../src/catalog/mongo-catalog-listing';
import { parseListingFilter } from '../src/product/product-filter';
import type { ProductPage } from '../src/product/product-page';
import type { ListingOrder } from '../src/product/product-sort';
import { seedCatalog } from '../src/seed/seed-catalog';
import { startProducts, type Connection, type ProductsUnderTest } from './support/products-client';

const ORDERS: ListingOrder[] = [
  'CATALOG',
  'NEWEST',
  'PRICE_ASC',
  'PRICE_DESC',
  'NAME_ASC',
  'POPULAR',
];
const admin = testIdentity('ADMIN');

/**
 * The in-memory listing against MongoDB, the record: every order and several filters are
 * walked page by page through GraphQL (memory) and through the Mongo listing with the same
 * cursor, while products are created, repriced, restocked and archived through the services
 * between pages. Every page, cursor and totalCount must be identical.
 */
describe('catalog read model: the in-memory listing answers like MongoDB while the catalog changes', () => {
  let products: ProductsUnderTest & Awaited<ReturnType<typeof startProducts>>;
  let mongoListing: MongoCatalogListing;
  let categoryId: string;
  let otherCategoryId: string;
  let tag: string;
  let changes = 0;

  beforeAll(async () => {
    products = await startProducts({
      PRODUCTS_BACKGROUND_TASKS: 'off',
      PRODUCTS_CACHE_TTL_SECONDS: '0',
      PRODUCTS_LISTING: 'memory',
    });
    const { subgraph } = products;
    await seedCatalog(subgraph.runtime.mongo, 400);
    await subgraph.services.searchIndex.ensureReady();
    mongoListing = new MongoCatalogListing(
      subgraph.models.products,
      products.config.IN_STOCK_THRESHOLD,
    );
    const sample = await subgraph.models.products.findOne().skip(7).lean();
    categoryId = String(sample?.categoryId.toHexString());
    const other = await subgraph.models.categories
      .findOne({ _id: { $ne: sample?.categoryId } })
      .lean();
    otherCategoryId = String(other?._id.toHexString());
    tag = String(sample?.tags[0]);
  });
  afterAll(() => products.stop());

  /** One change through the service, as a seller or admin would make it. */
  async function change() {
    changes += 1;
    const { productAdmin } = products.subgraph.services;
    const [victim] = await products.subgraph.models.products
      .find({ status: 'ACTIVE' })
      .skip((changes * 37) % 300)
      .limit(1)
      .lean();
    const id = String(victim?._id.toHexString());
    switch (changes % 5) {
      case 0:
        await productAdmin.create(admin, {
          name: `새 상품 ${changes}`,
          description: '설명',
          price: { amount: 1_000 * changes, currency: 'KRW' },
          categoryId,
          tags: [tag],
          stock: changes % 12,
        });
        break;
      case 1:
        await productAdmin.update(admin, id, { price: { amount: 500 * changes, currency: 'KRW' } });
        break;
      case 2:
        await productAdmin.setStock(admin, id, changes % 3 === 0 ? 0 : 4);
        break;
      case 3:
        // Moves between the listed category and another, in and out of its own orderings.
        await productAdmin.update(admin, id, {
          categoryId: changes % 2 === 0 ? categoryId : otherCategoryId,
        });
        break;
      default:
        await productAdmin.archive(admin, id);
    }
  }

  const filters: Array<Record<string, unknown>> = [
    {},
    { categoryId: 'CATEGORY' },
    { minPrice: 50_000, maxPrice: 300_000 },
    { stockStatus: ['LOW_STOCK', 'SOLD_OUT'] },
    { tags: ['TAG'], stockStatus: ['IN_STOCK'] },
  ];

  it.each(ORDERS)(
    'walks every filter sorted %s page by page with identical answers',
    async (order) => {
      for (const template of filters) {
        const raw = JSON.parse(
          JSON.stringify(template).replace('CATEGORY', categoryId).replace('TAG', tag),
        ) as Record<string, unknown>;
        const sort = order === 'CATALOG' ? null : order;
        let after: string | null = null;
        let pages = 0;
        for (;;) {
          const memory: Connection = await products.client.page({
            filter: raw,
            sort,
            first: 25,
            after,
          });
          const mongo: ProductPage = await mongoListing.page(
            parseListingFilter(raw),
            order,
            25,
            after,
          );
          expect({ raw, order, after, page: summary(memory) }).toEqual({
            raw,
            order,
            after,
            page: {
              totalCount: mongo.totalCount,
              hasNextPage: mongo.pageInfo.hasNextPage,
              ids: mongo.edges.map((edge) => edge.node._id.toHexString()),
              cursors: mongo.edges.map((edge) => edge.cursor),
            },
          });
          pages += 1;
          if (pages % 2 === 0) await change();
          if (!memory.pageInfo.hasNextPage) break;
          after = memory.pageInfo.endCursor;
        }
      }
    },
  );

  function summary(page: Connection) {
    return {
      totalCount: page.totalCount,
      hasNextPage: page.pageInfo.hasNextPage,
      ids: page.edges.map((edge) => edge.node.id),
      cursors: page.edges.map((edge) => edge.cursor),
    };
  }
});
