import { z } from 'zod';

const objectId = z
  .string()
  .regex(/^[0-9a-f]{24}$/i, 'must be a product id')
  .transform((id) => id.toLowerCase());

/**
 * A Korean phone number in its usual national form, `010-1234-5678` / `02-123-4567`, from what a
 * customer types (spaces, hyphens, `+82`); null when it is not one: mobile 01x, Seoul 02, the
 * other area codes 0[3-6][1-5], internet and personal numbers 070 and 050x.
 */
export function koreanPhone(value: string): string | null {
  const compact = value.replace(/[\s-]/g, '');
  const national = compact.startsWith('+82') ? `0${compact.slice(3).replace(/^0/, '')}` : compact;
  const match = /^(01[016789]|02|0[3-6][1-5]|070|050\d)(\d{3,4})(\d{4})$/.exec(national);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

const phone = z.string().transform((value, context) => {
  const normalized = koreanPhone(value);
  if (normalized) return normalized;
  context.addIssue({
    code: 'custom',
    message: 'must be a Korean phone number, e.g. 010-1234-5678',
  });
  return z.NEVER;
});

export const addressInput = z.object({
  recipient: z.string().trim().min(1, 'is required').max(50),
  phone,
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'must be a 5-digit postal code'),
  line1: z.string().trim().min(1, 'is required').max(200),
  line2: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .transform((line) => line || null),
});

/** Order lines as the cart limits them: at most 50 products, 1 to 99 units each, each once. */
export const orderLinesInput = z
  .array(z.object({ productId: objectId, quantity: z.number().int().min(1).max(99) }))
  .max(50)
  .refine((lines) => new Set(lines.map((line) => line.productId)).size === lines.length, {
    message: 'must name each product once',
  });

export const createOrderInput = z.object({
  items: orderLinesInput.nullish().transform((items) => items ?? null),
  shippingAddress: addressInput,
  couponId: z
    .string()
    .nullish()
    .transform((id) => id ?? null),
});
export type CreateOrderInput = z.output<typeof createOrderInput>;

export const payOrderInput = z
  .object({
    method: z.enum(['BALANCE', 'CARD']),
    cardToken: z.string().min(1).max(300).nullish(),
  })
  .superRefine((input, context) => {
    if (input.method === 'CARD' && !input.cardToken) {
      context.addIssue({ code: 'custom', path: ['cardToken'], message: 'is required for CARD' });
    }
    if (input.method === 'BALANCE' && input.cardToken) {
      context.addIssue({ code: 'custom', path: ['cardToken'], message: 'is only for CARD' });
    }
  })
  .transform((input) => ({ method: input.method, cardToken: input.cardToken ?? null }));
export type PayOrderInput = z.output<typeof payOrderInput>;

export const cancelReasonInput = z.string().trim().min(1, 'is required').max(500);

/** Stripe's rule of thumb: a client-chosen key of 1 to 255 characters. */
export const idempotencyKeyInput = z.string().min(1, 'is required').max(255);
