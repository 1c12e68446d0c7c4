import { BadUserInputError, parseInput } from '@shop/errors';
import { z } from 'zod';
import type { OrderDocument } from '../order/order.model';
import type { CancelLine } from '../refund/refund-policy';

const cancelLinesInput = z
  .array(
    z.object({
      productId: z.string().regex(/^[0-9a-f]{24}$/i, 'must be a product id'),
      quantity: z.number().int().min(1).max(99),
    }),
  )
  .min(1, 'name at least one line')
  .max(50)
  .refine(
    (lines) => new Set(lines.map((line) => line.productId.toLowerCase())).size === lines.length,
    'name each product once',
  );

/**
 * The lines to cancel, checked against the order: each a product of it, at most the units
 * still ordered. BAD_USER_INPUT naming the line otherwise.
 */
export function parseCancelLines(raw: unknown, order: OrderDocument): CancelLine[] {
  const lines = parseInput(cancelLinesInput, raw, 'items');
  return lines.map(({ productId, quantity }, index) => {
    const line = order.lines.find((l) => l.productId === productId.toLowerCase());
    if (!line)
      throw new BadUserInputError(
        `items.${index}: not a product of this order`,
        `items.${index}.productId`,
      );
    const remaining = line.quantity - (line.cancelledQuantity ?? 0);
    if (quantity > remaining) {
      throw new BadUserInputError(
        `items.${index}: only ${remaining} units of this line can still be cancelled`,
        `items.${index}.quantity`,
      );
    }
    return { productId: line.productId, quantity };
  });
}
