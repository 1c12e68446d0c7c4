import type { ProductDocument } from '../product/product.model';
import { searchKeysOf } from './search-tokens';

type Searchable = Pick<
  ProductDocument,
  'name' | 'nameEn' | 'tags' | 'description' | 'descriptionEn'
>;

/** The `searchKeys` of a product, from its names, tags and descriptions in both languages. */
export function productSearchKeys(product: Searchable): string[] {
  return searchKeysOf({
    names: [product.name, product.nameEn],
    tags: product.tags,
    descriptions: [product.description, product.descriptionEn],
  });
}
