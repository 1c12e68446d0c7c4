import { Types } from 'mongoose';
import type { OrderPaidPayload } from '@shop/contracts';
import { boundedCount } from '@shop/pagination';
import { isObjectIdString } from '@shop/mongo';
import type { Redis } from '@shop/redis';
import type { ProductModel } from '../product/product.model';
import type { SalesBucketModel } from './sales.model';

const DAY_MS = 86_400_000;
/** Units sold over this many days (today included) make a product popular. */
export const POPULARITY_WINDOW_DAYS = 3;
const CACHED_TOP = 20;
/** Event ids each bucket remembers; redeliveries come within minutes, far fewer than this. */
const REMEMBERED_EVENTS = 1_000;

export interface PopularityOptions {
  products: ProductModel;
  sales: SalesBucketModel;
  redis: Redis;
  keyPrefix: string;
  /** Recompute at most this often. */
  refreshMs: number;
  /** Told which products' popularity changed. */
  onRefreshed?: (productIds: string[]) => Promise<void>;
  now?: () => Date;
}

function dayOf(date: Date): Date {
  return new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);
}

/**
 * Popular products: units sold per product and UTC day from paid-order events, summed over
 * the last {@link POPULARITY_WINDOW_DAYS} days into each product's `popularity` (the POPULAR
 * sort) and a cached top list, recomputed at most once per `refreshMs`.
 */
export class PopularityService {
  private readonly now: () => Date;

  constructor(private readonly options: PopularityOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Adds an order's lines to their day buckets; applying the same event again adds nothing. */
  async recordSale(eventId: string, sale: OrderPaidPayload, occurredAt: Date): Promise<void> {
    const day = dayOf(sale.paidAt ? new Date(sale.paidAt) : occurredAt);
    const stamp = day.toISOString().slice(0, 10);
    const units = new Map<string, number>();
    for (const { productId, quantity } of sale.lines) {
      units.set(productId, (units.get(productId) ?? 0) + quantity);
    }
    for (const [productId, quantity] of units) {
      try {
        await this.options.sales.updateOne(
          { _id: `${productId}:${stamp}`, events: { $ne: eventId } },
          {
            $inc: { units: quantity },
            $setOnInsert: { productId, day },
            $push: { events: { $each: [eventId], $slice: -REMEMBERED_EVENTS } },
          },
          { upsert: true },
        );
      } catch (error) {
        // The bucket exists and already holds this event: the upsert's insert collided.
        if ((error as { code?: number }).code !== 11000) throw error;
      }
    }
  }

  /** Units sold per product over the window, most first. */
  async ranking(limit?: number): Promise<Array<{ productId: string; units: number }>> {
    const since = new Date(dayOf(this.now()).getTime() - (POPULARITY_WINDOW_DAYS - 1) * DAY_MS);
    const rows = await this.options.sales.aggregate<{ _id: string; units: number }>([
      { $match: { day: { $gte: since } } },
      { $group: { _id: '$productId', units: { $sum: '$units' } } },
      { $sort: { units: -1, _id: 1 } },
      ...(limit ? [{ $limit: limit }] : []),
    ]);
    return rows.map((row) => ({ productId: row._id, units: row.units }));
  }

  /** Recomputes every product's `popularity` and the cached top list. */
  async refresh(): Promise<string[]> {
    const ranking = (await this.ranking()).filter((row) => isObjectIdString(row.productId));
    const { products, redis, keyPrefix } = this.options;
    const rankedIds = new Set(ranking.map((row) => row.productId));
    const faded = (await products.find({ popularity: { $gt: 0 } }, { _id: 1 }).lean())
      .map((row) => row._id)
      .filter((id) => !rankedIds.has(id.toHexString()));
    if (faded.length) {
      await products.updateMany(
        { _id: { $in: faded } },
        { $set: { popularity: 0 } },
        { timestamps: false },
      );
    }
    if (ranking.length) {
      await products.bulkWrite(
        ranking.map((row) => ({
          updateOne: {
            filter: { _id: new Types.ObjectId(row.productId) },
            update: { $set: { popularity: row.units } },
            timestamps: false,
          },
        })),
      );
    }
    const top = ranking.slice(0, CACHED_TOP).map((row) => row.productId);
    await redis.set(`${keyPrefix}popular:top`, JSON.stringify(top), 'PX', this.options.refreshMs);
    await this.options.onRefreshed?.([...rankedIds, ...faded.map((id) => id.toHexString())]);
    return top;
  }

  /** Ids of the `limit` most sold products, from the cached list or a refresh when it aged. */
  async topIds(limit: number): Promise<string[]> {
    boundedCount(limit, { field: 'limit', max: CACHED_TOP });
    const { redis, keyPrefix } = this.options;
    const cached = await redis.get(`${keyPrefix}popular:top`);
    if (cached) return (JSON.parse(cached) as string[]).slice(0, limit);
    const lock = await redis.set(`${keyPrefix}popular:lock`, '1', 'PX', 10_000, 'NX');
    if (!lock) return (await this.ranking(CACHED_TOP)).map((row) => row.productId).slice(0, limit);
    try {
      return (await this.refresh()).slice(0, limit);
    } finally {
      await redis.del(`${keyPrefix}popular:lock`);
    }
  }
}
