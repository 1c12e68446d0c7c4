import { z } from 'zod';

/** The most coupons one campaign may issue. */
export const MAX_CAMPAIGN_QUANTITY = 1_000_000;
const MAX_AMOUNT = 100_000_000;

const productId = z
  .string()
  .regex(/^[0-9a-f]{24}$/i, 'must be a product id')
  .transform((id) => id.toLowerCase());

/**
 * createCouponCampaign's input (API.md "Coupons"): PERCENT 1–100 or FIXED above 0, optional
 * positive `maxDiscount`, `minOrderAmount` ≥ 0, 1 to 1,000,000 coupons, `endsAt` after
 * `startsAt`, `validDays` 1 to 365, at most 100 distinct products.
 */
export const createCampaignInput = z
  .object({
    name: z.string().trim().min(1, 'is required').max(100),
    kind: z.enum(['PERCENT', 'FIXED']),
    value: z.number().int().min(1, 'must be above 0').max(MAX_AMOUNT),
    maxDiscount: z
      .number()
      .int()
      .min(1, 'must be above 0')
      .max(MAX_AMOUNT)
      .nullish()
      .transform((value) => value ?? null),
    minOrderAmount: z
      .number()
      .int()
      .min(0, 'must not be negative')
      .max(MAX_AMOUNT)
      .nullish()
      .transform((value) => value ?? 0),
    quantity: z
      .number()
      .int()
      .min(1, 'must be above 0')
      .max(MAX_CAMPAIGN_QUANTITY, `must be at most ${MAX_CAMPAIGN_QUANTITY}`),
    startsAt: z.date(),
    endsAt: z.date(),
    validDays: z
      .number()
      .int()
      .min(1, 'must be above 0')
      .max(365)
      .nullish()
      .transform((value) => value ?? 30),
    productIds: z
      .array(productId)
      .max(100)
      .nullish()
      .transform((ids) => [...new Set(ids ?? [])]),
  })
  .superRefine((input, context) => {
    if (input.kind === 'PERCENT' && input.value > 100) {
      context.addIssue({
        code: 'custom',
        path: ['value'],
        message: 'must be 1 to 100 for PERCENT',
      });
    }
    if (input.endsAt.getTime() <= input.startsAt.getTime()) {
      context.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after startsAt' });
    }
  });
export type CreateCampaignInput = z.output<typeof createCampaignInput>;

/**
 * When a coupon claimed at `claimedAt` stops being usable: `validDays` later, never past the
 * campaign's end.
 */
export function couponExpiry(claimedAt: Date, validDays: number, endsAt: Date): Date {
  const due = claimedAt.getTime() + validDays * 86_400_000;
  return new Date(Math.min(due, endsAt.getTime()));
}
