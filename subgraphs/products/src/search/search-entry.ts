import type { FilterableProduct } from '../product/product-filter';
import type { SortKeys } from '../product/product-sort';
import { LISTING_PROJECTION } from '../product/product-page';
import type { ProductDocument } from '../product/product.model';
import { availableQuantity } from '../product/stock-status';
import { wordsOf } from './search-tokens';
import { FIELD } from './search-vocabulary';

/**
 * What the in-process read model keeps of a product: its sort keys and filter fields (the same
 * shapes the listing uses, so both apply one set of rules) and the product as a listing reads
 * it, so pages, entities and related products need no database round trip. Its indexed words
 * live only in the vocabulary: {@link indexedWords} derives them again from the product when
 * they must be removed (a map per product cost about a hundred MB at 100,000 products).
 */
export interface SearchEntry extends SortKeys, FilterableProduct {
  nameEn: string;
  /** The product without holds and outbox ({@link LISTING_PROJECTION}); shared, never mutated. */
  product: ProductDocument;
}

/** The product fields the read model keeps: what a listing or an entity reads. */
export const ENTRY_PROJECTION = LISTING_PROJECTION;

/** The words a product is indexed by, with the field bits they occur in. */
export function indexedWords(product: ProductDocument): Map<string, number> {
  const words = new Map<string, number>();
  const add = (texts: string[], field: number) => {
    for (const word of texts.flatMap(wordsOf)) words.set(word, (words.get(word) ?? 0) | field);
  };
  add([product.name, product.nameEn], FIELD.name);
  add(product.tags, FIELD.tag);
  add([product.description, product.descriptionEn], FIELD.description);
  return words;
}

export function entryOf(product: ProductDocument): SearchEntry {
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
    product,
  };
}
