import { hasRole, requireUser, type Identity } from '@shop/auth';
import { ForbiddenError } from '@shop/errors';
import type { CartLoaders } from './cart.loaders';
import type { StoredCart } from './cart.store';

export class CartService {
  constructor(private readonly loaders: CartLoaders) {}

  /** The caller's own cart; UNAUTHENTICATED when anonymous. */
  async myCart(identity: Identity | null): Promise<StoredCart> {
    const user = requireUser(identity);
    return this.loaders.cartById.load(user.userId);
  }

  /** A cart by id, for its owner and for staff (AGENT, ADMIN) only. */
  async cartById(id: string, identity: Identity | null): Promise<StoredCart> {
    const user = requireUser(identity);
    if (user.userId !== id && !hasRole(user, 'AGENT', 'ADMIN')) throw new ForbiddenError();
    return this.loaders.cartById.load(id);
  }
}
