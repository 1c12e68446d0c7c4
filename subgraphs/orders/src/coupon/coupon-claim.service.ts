import { Types } from 'mongoose';
import { requireUser, type Identity } from '@shop/auth';
import { couponIssued } from '@shop/contracts';
import { AppError, ServiceUnavailableError } from '@shop/errors';
import type { Logger } from '@shop/logger';
import { couponExpiry } from './coupon-campaign-input';
import type { CouponCampaignDocument, CouponCampaignModel } from './coupon-campaign.model';
import type { CouponCampaignService } from './coupon-campaign.service';
import type { ClaimVerdict, CouponClaimStore } from './coupon-claim.store';
import type { CouponReconciler } from './coupon-reconciler';
import type { CouponDocument, CouponModel } from './coupon.model';

export function soldOut(campaignId: string): AppError {
  return new AppError('COUPON_SOLD_OUT', 'All coupons of this campaign are gone (선착순 마감)', {
    campaignId,
    messageKo: '선착순 마감되었습니다',
  });
}

function alreadyClaimed(campaignId: string): AppError {
  return new AppError('COUPON_ALREADY_CLAIMED', 'You already claimed a coupon of this campaign', {
    campaignId,
  });
}

const isDuplicateKey = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;

/**
 * claimCoupon: first come, first served, one per person. Redis decides in one Lua step (the
 * counter and the claimed set, `CouponClaimStore`); MongoDB records the winner behind two
 * guards of its own, the campaign's `issued < quantity` and the unique (campaign, user) index,
 * so a Redis that lost or rolled back its state can refuse too much but never issue too much.
 */
export class CouponClaimService {
  constructor(
    private readonly options: {
      coupons: CouponModel;
      campaigns: CouponCampaignModel;
      campaignService: CouponCampaignService;
      store: CouponClaimStore;
      reconciler: CouponReconciler;
      logger: Logger;
    },
  ) {}

  /**
   * Claims one coupon of a running campaign for the signed-in user.
   * @throws NOT_FOUND, COUPON_EXPIRED (before start or after end), COUPON_SOLD_OUT,
   * COUPON_ALREADY_CLAIMED; each changes nothing.
   */
  async claim(identity: Identity | null, campaignId: string): Promise<CouponDocument> {
    const user = requireUser(identity);
    const campaign = await this.options.campaignService.get(campaignId);
    const now = new Date();
    if (now < campaign.startsAt || now >= campaign.endsAt) {
      throw new AppError('COUPON_EXPIRED', 'This campaign is not running', {
        campaignId,
        startsAt: campaign.startsAt.toISOString(),
        endsAt: campaign.endsAt.toISOString(),
      });
    }
    const verdict = await this.gate(campaign, user.userId);
    if (verdict.kind === 'sold-out') throw soldOut(campaignId);
    if (verdict.kind === 'already-claimed') throw alreadyClaimed(campaignId);
    return this.record(campaign, user.userId, now);
  }

  /** Redis's verdict; a campaign whose state is missing (a Redis loss) is rebuilt first. */
  private async gate(campaign: CouponCampaignDocument, userId: string): Promise<ClaimVerdict> {
    const id = campaign._id.toHexString();
    const verdict = await this.options.store.claim(id, userId);
    if (verdict.kind !== 'not-loaded') return verdict;
    await this.options.reconciler.ensureLoaded(campaign);
    const retried = await this.options.store.claim(id, userId);
    if (retried.kind === 'not-loaded') {
      throw new ServiceUnavailableError('Coupons of this campaign are being restored; try again');
    }
    return retried;
  }

  /** Writes the claim Redis granted, behind MongoDB's own guards; undoes it in Redis if refused. */
  private async record(
    campaign: CouponCampaignDocument,
    userId: string,
    now: Date,
  ): Promise<CouponDocument> {
    const id = campaign._id.toHexString();
    const counted = await this.options.campaigns.updateOne(
      { _id: campaign._id, issued: { $lt: campaign.quantity } },
      { $inc: { issued: 1 } },
    );
    if (counted.modifiedCount !== 1) {
      // Redis let this through on a stale state: a claimant it forgot stays in its set.
      if (await this.options.coupons.exists({ campaignId: campaign._id, userId })) {
        throw alreadyClaimed(id);
      }
      await this.options.store.undo(id, userId, false);
      throw soldOut(id);
    }
    const coupon = newCoupon(campaign, userId, now);
    try {
      await this.options.coupons.create({ ...coupon, outbox: [issuedEvent(coupon)] });
      return coupon;
    } catch (error) {
      return this.afterFailedInsert(campaign, userId, error);
    }
  }

  private async afterFailedInsert(
    campaign: CouponCampaignDocument,
    userId: string,
    error: unknown,
  ): Promise<never> {
    const id = campaign._id.toHexString();
    // A write that timed out may still have landed: only give back what was not recorded.
    const recorded = await this.options.coupons.exists({ campaignId: campaign._id, userId });
    if (!isDuplicateKey(error) && recorded) throw error;
    await this.options.campaigns.updateOne({ _id: campaign._id }, { $inc: { issued: -1 } });
    if (isDuplicateKey(error)) {
      this.options.logger.warn({ campaignId: id, userId }, 'redis let a second claim through');
      throw alreadyClaimed(id);
    }
    await this.options.store.undo(id, userId, true);
    throw error;
  }
}

function newCoupon(campaign: CouponCampaignDocument, userId: string, now: Date): CouponDocument {
  return {
    _id: new Types.ObjectId(),
    campaignId: campaign._id,
    userId,
    status: 'AVAILABLE',
    claimedAt: now,
    expiresAt: couponExpiry(now, campaign.validDays, campaign.endsAt),
    orderId: null,
    heldAt: null,
    usedAt: null,
    discount: null,
    restoredCount: 0,
    createdAt: now,
    updatedAt: now,
  };
}

function issuedEvent(coupon: CouponDocument) {
  return couponIssued.create(
    {
      couponId: coupon._id.toHexString(),
      campaignId: coupon.campaignId.toHexString(),
      customerId: coupon.userId,
      claimedAt: coupon.claimedAt.toISOString(),
      expiresAt: coupon.expiresAt.toISOString(),
    },
    coupon.claimedAt,
  );
}
