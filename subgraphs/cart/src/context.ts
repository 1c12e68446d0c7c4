import type { SubgraphBaseContext } from '@shop/service';
import type { CartService } from './cart/cart.service';

export interface CartContext extends SubgraphBaseContext {
  carts: CartService;
}
