import { z } from 'zod';
import { defineEvent } from '@shop/events';
import { objectIdPayload } from './money';

/**
 * A verified buyer reviewed a product of a delivered order (one review per order line). No
 * body and no name: the event leaves for analytics and the data platform.
 */
export const reviewCreated = defineEvent(
  'reviews.review.created',
  z.object({
    reviewId: objectIdPayload,
    productId: objectIdPayload,
    orderId: objectIdPayload,
    buyerId: objectIdPayload,
    rating: z.number().int().min(1).max(5),
    createdAt: z.string(),
  }),
);

/** The events reviews add, for `ALL_EVENTS`. */
export const REVIEW_EVENTS = [reviewCreated];
