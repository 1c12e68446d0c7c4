import { seedCatalog } from '@shop/products-subgraph';
import { createSignedInUser, errorCodes, startStack, type Stack } from '../src';

const CREATE = `mutation ($input: CreateProductInput!) {
  createProduct(input: $input) { id sku name stockStatus availableQuantity purchasable category { slug } }
}`;
const UPDATE = `mutation ($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { id name } }`;

interface Listed {
  products: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: { id: string; name: string; price: { amount: number } } }>;
  };
}

describe('the catalog through the gateway', () => {
  let stack: Stack;
  let categoryId: string;

  beforeAll(async () => {
    stack = await startStack();
    await seedCatalog(stack.subgraphs.products.subgraph.runtime.mongo, 1_000);
    const categories = await stack.query<{ categories: Array<{ id: string; slug: string }> }>(
      '{ categories { id slug } }',
    );
    categoryId = categories.data?.categories.find((category) => category.slug === 'home')?.id ?? '';
  });
  afterAll(() => stack.stop());

  it('walks a 1,000-product catalog by price with no duplicates and no gaps', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let previous = -1;
    for (;;) {
      const result = await stack.query<Listed>(
        'query ($after: String) { products(sort: PRICE_ASC, first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name price { amount } } } } }',
        { after },
      );
      expect(result.errors).toBeUndefined();
      const page = result.data?.products as Listed['products'];
      expect(page.totalCount).toBe(1_000);
      for (const { node } of page.edges) {
        expect(node.price.amount).toBeGreaterThanOrEqual(previous);
        previous = node.price.amount;
        seen.push(node.id);
      }
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(1_000);
    expect(new Set(seen).size).toBe(1_000);
  });

  it('searches in Korean and English with a typo, and suggests names', async () => {
    const search = (text: string) =>
      stack.query<Listed>(
        'query ($text: String!) { products(filter: { search: $text }, first: 5) { totalCount edges { node { id name(locale: EN) price { amount } } } } }',
        { text },
      );
    const korean = await search('공기청정기');
    const english = await search('air purifier');
    const typo = await search('purifer');
    expect(korean.data?.products.totalCount).toBeGreaterThan(0);
    expect(english.data?.products.totalCount).toBe(korean.data?.products.totalCount);
    expect(typo.data?.products.totalCount).toBe(korean.data?.products.totalCount);
    expect(english.data?.products.edges[0]?.node.name).toMatch(/Air Purifier/);
    const suggestions = await stack.query<{ searchSuggestions: string[] }>(
      '{ searchSuggestions(prefix: "로봇", limit: 3) }',
    );
    expect(suggestions.data?.searchSuggestions).toHaveLength(3);
    expect(suggestions.data?.searchSuggestions.every((name) => name.includes('로봇'))).toBe(true);
  });

  it('lets sellers manage only their own products and refuses customers and anonymous callers', async () => {
    const [seller, otherSeller, customer] = await Promise.all([
      createSignedInUser(stack, { roles: ['SELLER'] }),
      createSignedInUser(stack, { roles: ['SELLER'] }),
      createSignedInUser(stack, { roles: ['CUSTOMER'] }),
    ]);
    const input = {
      name: '세라믹 머그 Ceramic Mug',
      description: '매일 쓰는 머그',
      price: { amount: 15_000 },
      categoryId,
      tags: ['kitchen'],
      stock: 5,
    };
    expect(errorCodes(await stack.query(CREATE, { input }))).toEqual(['UNAUTHENTICATED']);
    expect(
      errorCodes(await stack.query(CREATE, { input }, { token: customer.accessToken })),
    ).toEqual(['FORBIDDEN']);
    const created = await stack.query<{ createProduct: { id: string } }>(
      CREATE,
      { input },
      { token: seller.accessToken },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createProduct).toMatchObject({
      stockStatus: 'LOW_STOCK',
      availableQuantity: 5,
      purchasable: true,
      category: { slug: 'home' },
    });
    const id = created.data?.createProduct.id as string;
    const hijack = await stack.query(
      UPDATE,
      { id, input: { name: 'Hijacked' } },
      { token: otherSeller.accessToken },
    );
    expect(errorCodes(hijack)).toEqual(['FORBIDDEN']);
    const own = await stack.query<{ updateProduct: { name: string } }>(
      UPDATE,
      { id, input: { name: 'Stoneware Mug' } },
      { token: seller.accessToken },
    );
    expect(own.data?.updateProduct.name).toBe('Stoneware Mug');
    const product = await stack.query<{ product: { name: string } }>(
      'query ($id: ID!) { product(id: $id) { name } }',
      { id },
    );
    expect(product.data?.product.name).toBe('Stoneware Mug');
  });

  it('refuses a page larger than 100 with BAD_USER_INPUT', async () => {
    const result = await stack.query('{ products(first: 101) { totalCount } }');
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
  });
});
