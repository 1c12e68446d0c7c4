import { parseListingFilter } from '../product/product-filter';
import type { SearchEntry } from '../search/search-entry';
import { CatalogOrderings } from './catalog-orderings';
import { FilteredOrderings, MAX_KEPT } from './filtered-orderings';

const CATEGORY = 'aaaaaaaaaaaaaaaaaaaaaaaa';

function entry(index: number, price: number, tags: string[] = []): SearchEntry {
  return {
    id: index.toString(16).padStart(24, '0'),
    active: true,
    categoryId: CATEGORY,
    price,
    available: 10,
    tags,
    createdAt: index,
    name: `product ${index}`,
    nameEn: `product ${index}`,
    popularity: 0,
    product: {} as SearchEntry['product'],
  };
}

function setUp(entries: SearchEntry[]) {
  const orderings = new CatalogOrderings();
  const filtered = new FilteredOrderings(orderings, 5);
  const byId = new Map(entries.map((one) => [one.id, one]));
  orderings.rebuilt(byId);
  filtered.rebuilt();
  return { orderings, filtered, byId };
}

const ids = (sorted: { size: number; at(index: number): SearchEntry | undefined }) =>
  Array.from({ length: sorted.size }, (_, index) => sorted.at(index)?.id);

describe('filtered orderings', () => {
  it('keeps a filter’s matches in order as products enter, leave and change', () => {
    const entries = Array.from({ length: 100 }, (_, index) => entry(index, 1_000 * index));
    const { filtered, byId } = setUp(entries);
    const band = parseListingFilter({ minPrice: 10_000, maxPrice: 12_000 });
    const sorted = filtered.of(band, 'PRICE_DESC');
    expect(ids(sorted)).toEqual([12, 11, 10].map((index) => entries[index]?.id));

    const repriced = { ...entries[50]!, price: 11_500 };
    const archived = { ...entries[11]!, active: false };
    filtered.changed(
      [
        { previous: entries[50]!, next: repriced },
        { previous: entries[11]!, next: archived },
      ],
      byId,
    );
    expect(ids(filtered.of(band, 'PRICE_DESC'))).toEqual([
      entries[12]?.id,
      repriced.id,
      entries[10]?.id,
    ]);
  });

  it('keeps at most a bounded number of filters however many distinct ones are asked', () => {
    const { filtered } = setUp(Array.from({ length: 10 }, (_, index) => entry(index, index)));
    for (let band = 0; band < 3 * MAX_KEPT; band += 1) {
      filtered.of(parseListingFilter({ minPrice: band, maxPrice: band + 1 }), 'PRICE_ASC');
    }
    expect(filtered.size).toBe(MAX_KEPT);
  });
});
