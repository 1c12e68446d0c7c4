import { reviewCreated } from '@shop/contracts';
import { requireUser, type Identity } from '@shop/auth';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  parseInput,
} from '@shop/errors';
import { isObjectIdString } from '@shop/mongo';
import { boundedCount } from '@shop/pagination';
import { Types } from 'mongoose';
import { findOrder } from '../fulfilment/order-access';
import { invalidTransition } from '../order/order-state';
import type { OrderModel } from '../order/order.model';
import { reviewInput } from './review-input';
import type { ReviewLoaders } from './review.loaders';
import type { ReviewDocument, ReviewModel } from './review.model';

/**
 * Reviews by verified buyers: only the buyer of a DELIVERED order, once per line of it; and
 * a product's reviews and rating for the products the gateway resolves through this subgraph.
 */
export class ReviewService {
  constructor(
    private readonly reviews: ReviewModel,
    private readonly orders: OrderModel,
    private readonly loaders: ReviewLoaders,
  ) {}

  /**
   * Writes the buyer's review of one line of their delivered order, with
   * `reviews.review.created` in the same insert.
   * @throws BAD_USER_INPUT (rating, body), NOT_FOUND (no such order), FORBIDDEN (not its buyer,
   * or a product it did not deliver), INVALID_STATE_TRANSITION (not delivered), CONFLICT (the
   * line was reviewed already).
   */
  async writeReview(
    identity: Identity | null,
    args: { orderId: string; productId: string; rating: number; body: string },
  ): Promise<ReviewDocument> {
    const user = requireUser(identity);
    const { rating, body } = parseInput(reviewInput, { rating: args.rating, body: args.body });
    const order = await findOrder(this.orders, args.orderId);
    if (!order) throw new NotFoundError('Order', args.orderId);
    if (order.buyerId !== user.userId) throw new ForbiddenError('Only the buyer reviews an order');
    const line = order.lines.find((l) => l.productId === args.productId.toLowerCase());
    if (!line || line.status === 'CANCELLED') {
      throw new ForbiddenError('This order did not deliver that product');
    }
    if (order.status !== 'DELIVERED') throw invalidTransition(order.status, 'DELIVERED');
    const _id = new Types.ObjectId();
    const createdAt = new Date();
    const event = reviewCreated.create({
      reviewId: _id.toHexString(),
      productId: line.productId,
      orderId: order._id.toHexString(),
      buyerId: order.buyerId,
      rating,
      createdAt: createdAt.toISOString(),
    });
    const review = {
      _id,
      orderId: order._id.toHexString(),
      productId: line.productId,
      buyerId: order.buyerId,
      authorName: order.buyerContact.name,
      rating,
      body,
      createdAt,
      updatedAt: createdAt,
    };
    try {
      await this.reviews.create({ ...review, outbox: [event] });
    } catch (error) {
      if ((error as { code?: unknown }).code !== 11000) throw error;
      throw new ConflictError('This line of the order has a review already');
    }
    return { ...review, outbox: [] };
  }

  /** A product's reviews, newest first; `after` is the id of the last review of a page. */
  async reviewsOf(productId: string, first: number | null | undefined, after?: string | null) {
    const count = boundedCount(first, { max: 50, fallback: 10 });
    if (after && !isObjectIdString(after)) throw new BadUserInputError('Invalid cursor', 'after');
    return this.loaders.reviewsOf(count, after ?? null).load(productId);
  }

  /** A product's average rating and number of reviews (0 and 0 without any). */
  ratingOf(productId: string) {
    return this.loaders.ratingByProduct.load(productId);
  }
}
