import DataLoader from 'dataloader';
import { Types } from 'mongoose';
import { WITHOUT_OUTBOX } from '@shop/events';
import type { ReviewDocument, ReviewModel } from './review.model';

export interface ProductRating {
  average: number;
  count: number;
}

/**
 * Per request: a product's rating and its newest reviews, one query per batch each, so the
 * gateway's `_entities` call for a page of products reads the reviews once.
 */
export function createReviewLoaders(reviews: ReviewModel) {
  const ratingByProduct = new DataLoader<string, ProductRating>(async (ids) => {
    const groups = await reviews.aggregate<{ _id: string; sum: number; count: number }>([
      { $match: { productId: { $in: [...ids] } } },
      { $group: { _id: '$productId', sum: { $sum: '$rating' }, count: { $sum: 1 } } },
    ]);
    const byId = new Map(groups.map((group) => [group._id, group]));
    return ids.map((id) => {
      const group = byId.get(id);
      if (!group) return { average: 0, count: 0 };
      return { average: Math.round((group.sum / group.count) * 100) / 100, count: group.count };
    });
  });
  const pages = new Map<string, DataLoader<string, ReviewDocument[]>>();
  /** Newest first, `first` per product, after the review `after` when given. */
  const reviewsOf = (first: number, after: string | null) => {
    const key = `${first}:${after ?? ''}`;
    let loader = pages.get(key);
    if (!loader) {
      loader = new DataLoader<string, ReviewDocument[]>(async (ids) => {
        const older = after ? { _id: { $lt: new Types.ObjectId(after) } } : {};
        const found = await reviews
          .find({ productId: { $in: [...ids] }, ...older }, WITHOUT_OUTBOX)
          .sort({ _id: -1 })
          .lean<ReviewDocument[]>();
        return ids.map((id) => found.filter((review) => review.productId === id).slice(0, first));
      });
      pages.set(key, loader);
    }
    return loader;
  };
  return { ratingByProduct, reviewsOf };
}

export type ReviewLoaders = ReturnType<typeof createReviewLoaders>;
