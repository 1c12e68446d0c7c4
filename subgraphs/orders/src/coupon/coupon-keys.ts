/**
 * The one place naming the coupon module's Redis keys. Each campaign's keys share a hash tag
 * (`{campaignId}`), so the claim script's keys live in one slot of a Redis Cluster too.
 */
export function couponKeys(prefix: string) {
  const base = (campaignId: string) => `${prefix}{${campaignId}}`;
  return {
    /** Coupons left; its presence also says the campaign's state is loaded. */
    remaining: (campaignId: string) => `${base(campaignId)}:remaining`,
    /** User ids that claimed one. */
    claimed: (campaignId: string) => `${base(campaignId)}:claimed`,
    /** Where a rebuild gathers the claimed set before installing it. */
    rebuilding: (campaignId: string, token: string) => `${base(campaignId)}:rebuild:${token}`,
    /** Held by the one process rebuilding the campaign's state from MongoDB. */
    rebuildLock: (campaignId: string) => `${base(campaignId)}:rebuild-lock`,
  };
}

export type CouponKeys = ReturnType<typeof couponKeys>;
