import { z } from 'zod';
import { defineEvent } from '@shop/events';
import { moneyPayload, objectIdPayload } from './money';

/** Units of a product were added to a cart (analytics: what people intend to buy). */
export const cartItemAdded = defineEvent(
  'cart.item.added',
  z.object({
    cartId: z.string().min(1),
    userId: z.string().min(1),
    productId: objectIdPayload,
    /** Units added by this call, not the line's new quantity. */
    quantity: z.number().int().min(1),
    /** The product's price when it was added. */
    unitPrice: moneyPayload,
  }),
);
