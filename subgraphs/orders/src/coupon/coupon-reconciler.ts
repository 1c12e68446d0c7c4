import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '@shop/logger';
import type { CouponCampaignDocument, CouponCampaignModel } from './coupon-campaign.model';
import type { CampaignRecord, CouponClaimStore } from './coupon-claim.store';
import type { CouponModel } from './coupon.model';

const DAY_MS = 86_400_000;
const WAIT_FOR_OTHER_MS = 2_000;
const PASS_BATCH = 500;

/**
 * Repairs the claim state in Redis from MongoDB, the record. After a Redis loss (a flush, a
 * restart without persistence) a campaign's keys are missing: the next claim, or the next
 * pass, rebuilds them, counter = quantity − max(issued, coupons recorded), claimed set = the
 * recorded claimants, under a lock so one process does it. After a restart from an old
 * snapshot the keys exist but are too generous: each pass lowers the counter to what MongoDB
 * allows. Either way MongoDB's own guards refuse whatever Redis lets through meanwhile.
 */
export class CouponReconciler {
  constructor(
    private readonly options: {
      campaigns: CouponCampaignModel;
      coupons: CouponModel;
      store: CouponClaimStore;
      logger: Logger;
    },
  ) {}

  /** Makes sure the campaign's state is in Redis, rebuilding it (or waiting for the process that is). */
  async ensureLoaded(campaign: Pick<CouponCampaignDocument, '_id' | 'endsAt'>): Promise<void> {
    const id = campaign._id.toHexString();
    const { store } = this.options;
    if (await store.isLoaded(id)) return;
    const token = await store.lockRebuild(id);
    if (!token) {
      const until = Date.now() + WAIT_FOR_OTHER_MS;
      while (Date.now() < until && !(await store.isLoaded(id))) await sleep(25);
      return;
    }
    try {
      const installed = await store.install(await this.record(campaign, true));
      if (installed)
        this.options.logger.warn({ campaignId: id }, 'coupon state rebuilt from mongo');
    } finally {
      await store.unlockRebuild(id, token);
    }
  }

  /** What MongoDB says of a campaign: coupons left and, when asked, who claimed one. */
  async record(
    campaign: Pick<CouponCampaignDocument, '_id' | 'endsAt'>,
    withClaimants: boolean,
  ): Promise<CampaignRecord> {
    const [fresh, claimants] = await Promise.all([
      this.options.campaigns
        .findById(campaign._id, { issued: 1, quantity: 1 })
        .lean<Pick<CouponCampaignDocument, 'issued' | 'quantity'>>(),
      withClaimants
        ? this.options.coupons.distinct('userId', { campaignId: campaign._id })
        : Promise.resolve([] as string[]),
    ]);
    const recorded = Math.max(fresh?.issued ?? 0, claimants.length);
    return {
      campaignId: campaign._id.toHexString(),
      remaining: Math.max(0, (fresh?.quantity ?? 0) - recorded),
      claimants: claimants.map(String),
      expireAt: new Date(campaign.endsAt.getTime() + DAY_MS),
    };
  }

  /**
   * One pass over the running campaigns: rebuild the missing, tighten the loaded. Returns how
   * many were rebuilt.
   */
  async pass(): Promise<number> {
    const now = new Date();
    const running = await this.options.campaigns
      .find({ startsAt: { $lte: now }, endsAt: { $gt: now } }, { _id: 1, endsAt: 1 })
      .limit(PASS_BATCH)
      .lean<Array<Pick<CouponCampaignDocument, '_id' | 'endsAt'>>>();
    let rebuilt = 0;
    for (const campaign of running) {
      if (await this.options.store.isLoaded(campaign._id.toHexString())) {
        await this.options.store.tighten(await this.record(campaign, false));
      } else {
        await this.ensureLoaded(campaign);
        rebuilt += 1;
      }
    }
    return rebuilt;
  }
}
