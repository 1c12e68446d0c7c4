import DataLoader from 'dataloader';
import type { CartStore, StoredCart } from './cart.store';

/** Batches cart reads of one request into one Redis pipeline. */
export function createCartLoaders(store: CartStore) {
  return { cartById: new DataLoader<string, StoredCart>((ids) => store.getMany(ids)) };
}

export type CartLoaders = ReturnType<typeof createCartLoaders>;
