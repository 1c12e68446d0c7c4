import type {
  MutationResolvers,
  ProductResolvers,
  ReviewResolvers,
} from '../__generated__/resolvers-types';

/** The mutations after the sale; cancelOrder now also covers paid orders. */
export const fulfilmentMutations: MutationResolvers = {
  cancelOrder: (_parent, { orderId, reason }, { paidCancellation, identity }) =>
    paidCancellation.cancelOrder(identity, orderId, reason),
  cancelOrderItems: (_parent, { orderId, items, reason }, { paidCancellation, identity }) =>
    paidCancellation.cancelOrderItems(identity, orderId, items, reason),
  startPreparingOrder: (_parent, { orderId }, { shipping, identity }) =>
    shipping.startPreparingOrder(identity, orderId),
  shipOrder: (_parent, { orderId, input }, { shipping, identity }) =>
    shipping.shipOrder(identity, orderId, input),
  writeReview: (_parent, args, { reviews, identity }) => reviews.writeReview(identity, args),
};

export const Product: ProductResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  reviews: ({ id }, { first, after }, { reviews }) => reviews.reviewsOf(id, first, after),
  rating: ({ id }, _args, { reviews }) => reviews.ratingOf(id),
};

export const Review: ReviewResolvers = {
  id: (review) => review._id.toHexString(),
  product: (review) => ({ id: review.productId }),
  verifiedPurchase: () => true,
};
