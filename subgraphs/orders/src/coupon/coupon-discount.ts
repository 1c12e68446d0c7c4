/**
 * Pure coupon policies (no I/O): which lines a campaign covers, whether a coupon applies to a
 * basket, the discount it gives and how that discount is split over the lines. Unit-tested in
 * `coupon-discount.test.ts`; used by createOrder and `Cart.couponQuotes` alike, so a quote and
 * the order placed from the same basket agree to the won.
 */

export type DiscountKind = 'PERCENT' | 'FIXED';

/** The terms of a campaign that decide a discount. */
export interface DiscountTerms {
  kind: DiscountKind;
  /** PERCENT: 1–100; FIXED: an amount in minor units. */
  value: number;
  maxDiscount: number | null;
  minOrderAmount: number;
  /** Products the campaign names; empty: every product of the issuer (all for an ADMIN). */
  productIds: readonly string[];
  issuerId: string;
  issuerRole: 'SELLER' | 'ADMIN';
}

/** A line of a basket as the policies see it. */
export interface BasketLine {
  productId: string;
  /** The product's seller; null for the shop's own products. */
  sellerId: string | null;
  /** Unit price × quantity, in minor units. */
  lineTotal: number;
}

export type CouponVerdict =
  | { applicable: true; discount: number; shares: number[] }
  | { applicable: false; reason: string; discount: 0 };

/** True when the campaign covers this line's product. */
export function isEligible(terms: DiscountTerms, line: BasketLine): boolean {
  if (terms.productIds.length > 0) return terms.productIds.includes(line.productId);
  return terms.issuerRole === 'ADMIN' || line.sellerId === terms.issuerId;
}

/**
 * The discount on an eligible subtotal: PERCENT rounded down to the won and capped by
 * `maxDiscount`; FIXED as given; never more than the eligible subtotal, never negative.
 */
export function discountFor(terms: DiscountTerms, eligibleSubtotal: number): number {
  if (eligibleSubtotal <= 0) return 0;
  const raw =
    terms.kind === 'PERCENT' ? Math.floor((eligibleSubtotal * terms.value) / 100) : terms.value;
  const capped = terms.maxDiscount === null ? raw : Math.min(raw, terms.maxDiscount);
  return Math.max(0, Math.min(capped, eligibleSubtotal));
}

/**
 * Splits `discount` over the lines in proportion to their totals, in whole won, so the shares
 * add up to it exactly: each line gets the floor of its proportional part, and the won left
 * over go one each to the lines with the largest remainders (the earlier line on a tie).
 * Lines with a weight of 0 get nothing.
 */
export function allocate(discount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (discount <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((weight) => (discount * weight) / total);
  const shares = exact.map((part) => Math.floor(part));
  let left = discount - shares.reduce((sum, share) => sum + share, 0);
  const byRemainder = exact
    .map((part, index) => ({ index, remainder: part - Math.floor(part) }))
    .filter(({ index }) => (weights[index] ?? 0) > 0)
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    shares[index] = (shares[index] ?? 0) + 1;
    left -= 1;
  }
  return shares;
}

/**
 * Whether a coupon applies to a basket, and if so the discount and each line's share of it.
 * The minimum order amount is compared with the basket's subtotal (all lines, before
 * shipping); the discount is computed on the eligible lines only.
 */
export function quoteCoupon(terms: DiscountTerms, lines: readonly BasketLine[]): CouponVerdict {
  const subtotal = lines.reduce((sum, line) => sum + line.lineTotal, 0);
  if (subtotal < terms.minOrderAmount) {
    return {
      applicable: false,
      reason: `The order must come to at least ${terms.minOrderAmount} before shipping (it is ${subtotal})`,
      discount: 0,
    };
  }
  const weights = lines.map((line) => (isEligible(terms, line) ? line.lineTotal : 0));
  const eligibleSubtotal = weights.reduce((sum, weight) => sum + weight, 0);
  if (eligibleSubtotal <= 0) {
    return {
      applicable: false,
      reason: 'No product of this order is covered by the coupon',
      discount: 0,
    };
  }
  const discount = discountFor(terms, eligibleSubtotal);
  return { applicable: true, discount, shares: allocate(discount, weights) };
}
