import { Types } from 'mongoose';
import { couponUsed } from '@shop/contracts';
import { AppError } from '@shop/errors';
import type { Logger } from '@shop/logger';
import { isObjectIdString } from '@shop/mongo';
import type { PricedOrder } from '../order/order-pricing';
import type { CouponCampaignDocument } from './coupon-campaign.model';
import type { CouponCampaignService } from './coupon-campaign.service';
import { quoteCoupon, type BasketLine, type DiscountTerms } from './coupon-discount';
import type { CouponDocument, CouponModel } from './coupon.model';

/** A coupon that applies to an order about to be placed: what it takes off, line by line. */
export interface AppliedCoupon {
  couponId: string;
  discount: number;
  shares: number[];
}

export function notApplicable(couponId: string, reason: string): AppError {
  return new AppError('COUPON_NOT_APPLICABLE', `This coupon cannot be used: ${reason}`, {
    couponId,
    reason,
  });
}

export function termsOf(campaign: CouponCampaignDocument): DiscountTerms {
  return {
    kind: campaign.kind,
    value: campaign.value,
    maxDiscount: campaign.maxDiscount,
    minOrderAmount: campaign.minOrderAmount,
    productIds: campaign.productIds,
    issuerId: campaign.issuerId,
    issuerRole: campaign.issuerRole,
  };
}

/** The order with the coupon's discount on it: shares on the lines, total lowered. */
export function withCoupon(priced: PricedOrder, applied: AppliedCoupon): PricedOrder {
  const money = (amount: number) => ({ amount, currency: priced.total.currency });
  return {
    ...priced,
    lines: priced.lines.map((line, index) => ({
      ...line,
      discountShare: money(applied.shares[index] ?? 0),
    })),
    discount: money(applied.discount),
    total: money(priced.subtotal.amount + priced.shippingFee.amount - applied.discount),
  };
}

/**
 * The coupon's part of checkout, every step keyed by the order id and conditional on the
 * coupon's state, so the request path, the saga, the order-status consumer and recovery can
 * all run a step and only the first changes anything: check and hold at createOrder (one
 * order per coupon), USED when the order is paid, usable again when it ends unpaid, and given
 * back when a paid order is cancelled in full while the coupon is still valid.
 */
export class CouponCheckout {
  constructor(
    private readonly coupons: CouponModel,
    private readonly campaigns: CouponCampaignService,
    private readonly currency: string,
    private readonly logger: Logger,
  ) {}

  /**
   * What a coupon of the buyer takes off these lines of the order `orderId` (a retry of that
   * order finds the coupon held by it already, which is fine).
   * @throws COUPON_NOT_APPLICABLE (unknown, another's, in use, minimum not met, no eligible
   * product) or COUPON_EXPIRED, with the reason.
   */
  async apply(
    buyerId: string,
    couponId: string,
    lines: BasketLine[],
    orderId: string,
  ): Promise<AppliedCoupon> {
    const coupon = isObjectIdString(couponId)
      ? await this.coupons.findById(couponId, { outbox: 0 }).lean<CouponDocument>()
      : null;
    if (!coupon || coupon.userId !== buyerId) {
      throw notApplicable(couponId, 'it is not one of your coupons');
    }
    const ownHold = coupon.status === 'HELD' && coupon.orderId === orderId;
    if (coupon.status !== 'AVAILABLE' && !ownHold) {
      throw notApplicable(couponId, 'it is already used by another order');
    }
    if (coupon.expiresAt <= new Date()) {
      throw new AppError('COUPON_EXPIRED', 'This coupon has expired', {
        couponId,
        expiresAt: coupon.expiresAt.toISOString(),
      });
    }
    const campaign = await this.campaigns.get(coupon.campaignId.toHexString());
    const verdict = quoteCoupon(termsOf(campaign), lines);
    if (!verdict.applicable) throw notApplicable(couponId, verdict.reason);
    return { couponId, discount: verdict.discount, shares: verdict.shares };
  }

  /**
   * Holds the coupon for one order: one conditional update, so of two orders racing for it
   * one wins. A retry of the same order finds its own hold.
   * @throws COUPON_NOT_APPLICABLE when another order got it first.
   */
  async hold(buyerId: string, applied: AppliedCoupon, orderId: string): Promise<void> {
    const now = new Date();
    const held = await this.coupons.updateOne(
      {
        _id: new Types.ObjectId(applied.couponId),
        userId: buyerId,
        status: 'AVAILABLE',
        expiresAt: { $gt: now },
      },
      { $set: { status: 'HELD', orderId, heldAt: now, discount: applied.discount } },
    );
    if (held.modifiedCount === 1) return;
    const current = await this.coupons
      .findById(applied.couponId, { status: 1, orderId: 1 })
      .lean<Pick<CouponDocument, 'status' | 'orderId'>>();
    if (current?.orderId === orderId) return;
    throw notApplicable(applied.couponId, 'it is already used by another order');
  }

  /** The order ended unpaid (declined, timed out, cancelled, never written): usable again. */
  async releaseHold(orderId: string): Promise<boolean> {
    const released = await this.coupons.updateOne(
      { orderId, status: 'HELD' },
      { $set: { status: 'AVAILABLE', orderId: null, heldAt: null, discount: null } },
    );
    return released.modifiedCount === 1;
  }

  /** The order was paid: the coupon is USED with the order and the time, and says so. */
  async markUsed(orderId: string, at = new Date()): Promise<boolean> {
    const coupon = await this.coupons
      .findOne({ orderId, status: 'HELD' }, { outbox: 0 })
      .lean<CouponDocument>();
    if (!coupon) return false;
    const used = await this.coupons.updateOne(
      { _id: coupon._id, orderId, status: 'HELD' },
      {
        $set: { status: 'USED', usedAt: at },
        $push: { outbox: usedEvent(coupon, orderId, at, this.currency) },
      },
    );
    return used.modifiedCount === 1;
  }

  /** markUsed for the saga: a failure is logged, the order-status consumer finishes it. */
  async markUsedOrLeave(orderId: string): Promise<void> {
    await this.markUsed(orderId).catch((err: unknown) => {
      this.logger.warn({ orderId, err }, 'coupon use left to the order-status consumer');
    });
  }

  /** A paid order was cancelled in full: its coupon is usable again if still valid. */
  async restore(orderId: string): Promise<boolean> {
    const restored = await this.coupons.updateOne(
      { orderId, status: 'USED', expiresAt: { $gt: new Date() } },
      {
        $set: { status: 'AVAILABLE', orderId: null, heldAt: null, usedAt: null, discount: null },
        $inc: { restoredCount: 1 },
      },
    );
    return restored.modifiedCount === 1;
  }
}

function usedEvent(coupon: CouponDocument, orderId: string, at: Date, currency: string) {
  return couponUsed.create(
    {
      couponId: coupon._id.toHexString(),
      campaignId: coupon.campaignId.toHexString(),
      customerId: coupon.userId,
      orderId,
      discount: { amount: coupon.discount ?? 0, currency },
      usedAt: at.toISOString(),
    },
    at,
  );
}
