import { generateCatalog } from './catalog-generator';
import { CATEGORIES } from './catalog-vocabulary';
import { availableQuantity, stockStatusOf } from '../product/stock-status';

describe('generateCatalog', () => {
  const catalog = generateCatalog(1_000);

  it('is deterministic', () => {
    expect(generateCatalog(50)).toEqual(catalog.slice(0, 50));
  });

  it('spreads products over at least 8 categories with unique SKUs', () => {
    expect(new Set(catalog.map((product) => product.categorySlug)).size).toBeGreaterThanOrEqual(8);
    expect(CATEGORIES.length).toBeGreaterThanOrEqual(8);
    expect(new Set(catalog.map((product) => product.sku)).size).toBe(1_000);
  });

  it('has Korean and English names and every stock status', () => {
    expect(
      catalog.every(
        (product) => /[가-힣]/.test(product.name) && /^[\x20-\x7e]+$/.test(product.nameEn),
      ),
    ).toBe(true);
    const statuses = new Set(
      catalog.map((product) => stockStatusOf(availableQuantity(product), 10)),
    );
    expect(statuses).toEqual(new Set(['IN_STOCK', 'LOW_STOCK', 'SOLD_OUT']));
    expect(stockStatusOf(availableQuantity(generateCatalog(10)[2] ?? catalog[0]!), 10)).toBe(
      'SOLD_OUT',
    );
  });
});

describe('stockStatusOf', () => {
  it.each([
    [0, 'SOLD_OUT'],
    [1, 'LOW_STOCK'],
    [9, 'LOW_STOCK'],
    [10, 'IN_STOCK'],
  ])('%i available units is %s', (available, status) => {
    expect(stockStatusOf(available, 10)).toBe(status);
  });
});
