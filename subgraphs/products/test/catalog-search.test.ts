import { seedCatalog } from '../src/seed/seed-catalog';
import { createProduct } from './support/catalog-builders';
import { codesOf, startProducts, type ProductsUnderTest } from './support/products-client';

describe('product search and suggestions', () => {
  let subgraph: ProductsUnderTest['subgraph'];
  let client: Awaited<ReturnType<typeof startProducts>>['client'];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ({ subgraph, client } = await startProducts({
      PRODUCTS_BACKGROUND_TASKS: 'off',
      PRODUCTS_CACHE_TTL_SECONDS: '0',
    }));
    const connection = subgraph.runtime.mongo;
    await seedCatalog(connection, 300);
    const make = async (
      key: string,
      name: string,
      tags: string[],
      description: string,
      amount = 10_000,
    ) => {
      const product = await createProduct(connection, {
        name,
        nameEn: name,
        tags,
        description,
        descriptionEn: description,
        price: { amount, currency: 'KRW' },
      });
      ids[key] = product._id.toHexString();
    };
    // The same word in the name, the tags and the description of three products.
    await make('name', 'Quokka Lamp', ['desk'], 'A warm lamp', 30_000);
    await make('tag', 'Desk Light', ['quokka'], 'A bright light', 20_000);
    await make('description', 'Table Light', ['desk'], 'Shaped like a quokka', 10_000);
    await make('koName', '쿼카 조명', ['책상'], '따뜻한 조명');
    await make('koTag', '책상 스탠드', ['쿼카'], '밝은 스탠드');
    await make('koDescription', '테이블 스탠드', ['책상'], '쿼카 모양의 스탠드');
    await make('compound', '무드쿼카조명', [], '설명');
  });
  afterAll(() => subgraph.stop());

  const search = async (text: string, extra: Record<string, unknown> = {}) => {
    const { nodes, totalCount } = await client.walk({ filter: { search: text, ...extra } }, 100);
    return { ids: nodes.map((node) => node.id), names: nodes.map((node) => node.name), totalCount };
  };

  it('ranks a name match above a tag match above a description match (English)', async () => {
    expect((await search('quokka')).ids).toEqual([ids['name'], ids['tag'], ids['description']]);
    expect((await search('QUOKKA')).ids).toEqual([ids['name'], ids['tag'], ids['description']]);
  });

  it('ranks name above tags above description in Korean, and finds words inside compounds', async () => {
    expect((await search('쿼카')).ids).toEqual([
      ids['koName'],
      ids['compound'],
      ids['koTag'],
      ids['koDescription'],
    ]);
    expect((await search('조명')).ids.slice(0, 2).sort()).toEqual(
      [ids['koName'], ids['compound']].sort(),
    );
  });

  it('matches prefixes in both languages', async () => {
    expect((await search('quok')).ids).toEqual([ids['name'], ids['tag'], ids['description']]);
    expect((await search('쿼')).ids.slice(0, 2)).toEqual([ids['koName'], ids['compound']]);
  });

  it('tolerates one typo in words of 5 or more letters, not in shorter ones', async () => {
    for (const typo of ['quokak', 'qukka', 'quokkka', 'qoukka'.replace('ou', 'uo'), 'quakka']) {
      expect((await search(typo)).ids.slice(0, 2)).toEqual([ids['name'], ids['tag']]);
    }
    expect((await search('lamq')).ids).toEqual([]);
    // Seeded catalog: a misspelt kind finds the same products, names first.
    const exact = await search('headphones');
    const misspelt = await search('headphnes');
    expect(exact.totalCount).toBeGreaterThan(0);
    expect(misspelt.ids.sort()).toEqual(exact.ids.sort());
    expect(exact.names[0]).toMatch(/Headphones|헤드폰/);
  });

  it('requires every word, and combines with filters and cursor pagination', async () => {
    expect((await search('quokka lamp')).ids).toEqual([ids['name']]);
    expect((await search('quokka', { maxPrice: 25_000 })).ids).toEqual([
      ids['tag'],
      ids['description'],
    ]);
    const { nodes, pages, totalCount } = await client.walk({ filter: { search: 'quokka' } }, 1);
    expect(pages).toBe(3);
    expect(totalCount).toBe(3);
    expect(nodes.map((node) => node.id)).toEqual([ids['name'], ids['tag'], ids['description']]);
    const byPrice = await client.walk({ filter: { search: 'quokka' }, sort: 'PRICE_ASC' }, 2);
    expect(byPrice.nodes.map((node) => node.id)).toEqual([
      ids['description'],
      ids['tag'],
      ids['name'],
    ]);
  });

  it('pages through a large result set without duplicates', async () => {
    const exact = await search('wireless');
    expect(exact.totalCount).toBeGreaterThan(30);
    const small = await client.walk({ filter: { search: 'wireless' } }, 7);
    expect(small.nodes.map((node) => node.id)).toEqual(exact.ids);
  });

  it('suggests names completing a prefix, at most limit, best first', async () => {
    const suggest = (prefix: string, limit?: number) =>
      client.run<{ searchSuggestions: string[] }>(
        'query ($prefix: String!, $limit: Int) { searchSuggestions(prefix: $prefix, limit: $limit) }',
        { prefix, ...(limit !== undefined ? { limit } : {}) },
      );
    expect((await suggest('quo')).data?.searchSuggestions).toEqual(['Quokka Lamp']);
    expect((await suggest('쿼')).data?.searchSuggestions).toEqual(['쿼카 조명', '무드쿼카조명']);
    const aurora = (await suggest('auro', 3)).data?.searchSuggestions ?? [];
    expect(aurora).toHaveLength(3);
    expect(aurora.every((name) => name.startsWith('Aurora'))).toBe(true);
    const wireless = (await suggest('aurora wirel', 5)).data?.searchSuggestions ?? [];
    expect(wireless.length).toBeGreaterThan(0);
    expect(wireless.every((name) => /^Aurora .*Wireless/.test(name))).toBe(true);
    expect((await suggest('zzzz')).data?.searchSuggestions).toEqual([]);
    expect(codesOf(await suggest('quo', 0))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await suggest('quo', 21))).toEqual(['BAD_USER_INPUT']);
  });
});
