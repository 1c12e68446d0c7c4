import { hasRole, requireUser, type Identity } from '@shop/auth';
import { isObjectIdString } from '@shop/mongo';
import type { CartClient } from '../clients/cart.client';
import type { ProductsClient } from '../clients/products.client';
import type { Money } from '../order/order.model';
import type { CouponCampaignService } from './coupon-campaign.service';
import { termsOf } from './coupon-checkout';
import { quoteCoupon, type BasketLine } from './coupon-discount';
import type { CouponDocument, CouponModel } from './coupon.model';

/** A claimed coupon with the discount it would give a cart as it stands. */
export interface CouponQuoteView {
  coupon: CouponDocument;
  applicable: boolean;
  reason: string | null;
  discount: Money;
}

const MY_COUPONS_LIMIT = 100;

/** Public status of a stored coupon: an unused one past its expiry reads as EXPIRED. */
export function couponStatus(coupon: CouponDocument, now = new Date()) {
  if (coupon.status === 'USED') return 'USED' as const;
  return coupon.expiresAt <= now ? ('EXPIRED' as const) : ('AVAILABLE' as const);
}

/** Reads of coupons: the buyer's usable ones, their quotes for the cart, one by id. */
export class CouponQueryService {
  constructor(
    private readonly options: {
      coupons: CouponModel;
      campaigns: CouponCampaignService;
      carts: CartClient;
      products: ProductsClient;
      currency: string;
    },
  ) {}

  /** The signed-in user's usable coupons (not used, not held by an order, not expired), soonest to expire first. */
  async myCoupons(identity: Identity | null): Promise<CouponDocument[]> {
    const user = requireUser(identity);
    return this.usable(user.userId);
  }

  private usable(userId: string): Promise<CouponDocument[]> {
    return this.options.coupons
      .find({ userId, status: 'AVAILABLE', expiresAt: { $gt: new Date() } }, { outbox: 0 })
      .sort({ expiresAt: 1, _id: 1 })
      .limit(MY_COUPONS_LIMIT)
      .lean<CouponDocument[]>();
  }

  /** A coupon for its holder, AGENT or ADMIN; null for anyone else, as for none. */
  async coupon(identity: Identity | null, id: string | null): Promise<CouponDocument | null> {
    if (!identity || !id || !isObjectIdString(id)) return null;
    const coupon = await this.options.coupons.findById(id, { outbox: 0 }).lean<CouponDocument>();
    if (!coupon) return null;
    return coupon.userId === identity.userId || hasRole(identity, 'AGENT', 'ADMIN') ? coupon : null;
  }

  /** The coupon of an order its reader may see (the order's resolver checked who reads it). */
  async couponOfOrder(
    identity: Identity | null,
    order: { couponId: string | null },
  ): Promise<CouponDocument | null> {
    if (!identity || !order.couponId || !isObjectIdString(order.couponId)) return null;
    return this.options.coupons.findById(order.couponId, { outbox: 0 }).lean<CouponDocument>();
  }

  /**
   * For the cart's owner: every usable coupon with whether it applies to the cart as it stands
   * (minimum amount, eligible products), the reason when not, and the discount it would give.
   * Anyone else's cart shows none.
   */
  async quotes(identity: Identity | null, cartId: string): Promise<CouponQuoteView[]> {
    if (!identity || identity.userId !== cartId) return [];
    const coupons = await this.usable(cartId);
    if (!coupons.length) return [];
    const [basket, campaigns] = await Promise.all([
      this.basket(cartId),
      this.options.campaigns.findMany(coupons.map((coupon) => coupon.campaignId.toHexString())),
    ]);
    const money = (amount: number): Money => ({ amount, currency: this.options.currency });
    return coupons.flatMap((coupon) => {
      const campaign = campaigns.get(coupon.campaignId.toHexString());
      if (!campaign) return [];
      const verdict = basket.length
        ? quoteCoupon(termsOf(campaign), basket)
        : { applicable: false as const, reason: 'The cart is empty', discount: 0 as const };
      return [
        {
          coupon,
          applicable: verdict.applicable,
          reason: verdict.applicable ? null : verdict.reason,
          discount: money(verdict.discount),
        },
      ];
    });
  }

  /** The cart's lines at current prices, with each product's seller. */
  private async basket(userId: string): Promise<BasketLine[]> {
    const lines = await this.options.carts.lines(userId);
    if (!lines.length) return [];
    const products = await this.options.products.lookup(lines.map((line) => line.productId));
    return lines.flatMap((line, index) => {
      const product = products[index];
      if (!product) return [];
      return [
        {
          productId: line.productId,
          sellerId: product.sellerId ?? null,
          lineTotal: product.price.amount * line.quantity,
        },
      ];
    });
  }
}
