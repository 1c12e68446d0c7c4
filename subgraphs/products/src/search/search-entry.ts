import type { FilterableProduct } from '../product/product-filter';
import type { SortKeys } from '../product/product-sort';
import type { ProductDocument } from '../product/product.model';
import { availableQuantity } from '../product/stock-status';
import { wordsOf } from './search-tokens';
import { FIELD } from './search-vocabulary';

/**
 * What the in-process index keeps of a product: its sort keys and filter fields (the same
 * shapes the listing uses, so both apply one set of rules) and its indexed words.
 */
export interface SearchEntry extends SortKeys, FilterableProduct {
  nameEn: string;
  /** Indexed words with the field bits they occur in. */
  words: Map<string, number>;
}

/** The product fields the index reads. */
export const ENTRY_PROJECTION = {
  status: 1,
  categoryId: 1,
  price: 1,
  stock: 1,
  tags: 1,
  createdAt: 1,
  name: 1,
  nameEn: 1,
  description: 1,
  descriptionEn: 1,
  popularity: 1,
} as const;

type Indexed = Pick<ProductDocument, '_id' | keyof typeof ENTRY_PROJECTION>;

export function entryOf(product: Indexed): SearchEntry {
  const words = new Map<string, number>();
  const add = (texts: string[], field: number) => {
    for (const word of texts.flatMap(wordsOf)) words.set(word, (words.get(word) ?? 0) | field);
  };
  add([product.name, product.nameEn], FIELD.name);
  add(product.tags, FIELD.tag);
  add([product.description, product.descriptionEn], FIELD.description);
  return {
    id: product._id.toHexString(),
    active: product.status === 'ACTIVE',
    categoryId: product.categoryId.toHexString(),
    price: product.price.amount,
    available: availableQuantity(product),
    tags: product.tags,
    createdAt: product.createdAt.getTime(),
    name: product.name,
    nameEn: product.nameEn,
    popularity: product.popularity ?? 0,
    words,
  };
}
