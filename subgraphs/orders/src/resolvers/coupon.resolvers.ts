import type {
  CartResolvers,
  CouponCampaignResolvers,
  CouponResolvers,
  MutationResolvers,
  OrderResolvers,
  QueryResolvers,
} from '../__generated__/resolvers-types';
import { couponStatus } from '../coupon/coupon-query.service';

/** The "Coupons" section of API.md: thin resolvers over the coupon services. */
export const couponQuery: QueryResolvers = {
  couponCampaign: (_parent, { id }, { coupons }) => coupons.campaigns.find(id),
  activeCouponCampaigns: (_parent, { first }, { coupons }) => coupons.campaigns.active(first),
  myCoupons: (_parent, _args, { coupons, identity }) => coupons.queries.myCoupons(identity),
};

export const couponMutation: MutationResolvers = {
  createCouponCampaign: (_parent, { input }, { coupons, identity }) =>
    coupons.campaigns.create(identity, input),
  claimCoupon: (_parent, { campaignId }, { coupons, identity }) =>
    coupons.claims.claim(identity, campaignId),
};

export const CouponCampaign: CouponCampaignResolvers = {
  __resolveReference: ({ id }, { coupons }) => coupons.campaigns.find(id),
  id: (campaign) => campaign._id.toHexString(),
  remaining: (campaign, _args, { coupons }) => coupons.campaigns.remaining(campaign),
  issuer: (campaign) => ({ id: campaign.issuerId }),
};

export const Coupon: CouponResolvers = {
  __resolveReference: ({ id }, { coupons, identity }) => coupons.queries.coupon(identity, id),
  id: (coupon) => coupon._id.toHexString(),
  campaign: (coupon, _args, { coupons }) => coupons.campaigns.get(coupon.campaignId.toHexString()),
  status: (coupon) => couponStatus(coupon),
};

export const Cart: CartResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  couponQuotes: ({ id }, _args, { coupons, identity }) => coupons.queries.quotes(identity, id),
};

/** Order.coupon: the coupon the order holds or used, for whoever may read the order. */
export const orderCoupon: Pick<OrderResolvers, 'coupon'> = {
  coupon: (order, _args, { coupons, identity }) =>
    order.couponId ? coupons.queries.couponOfOrder(identity, order) : null,
};
