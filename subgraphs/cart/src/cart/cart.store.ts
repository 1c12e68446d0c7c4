import type { Redis } from '@shop/redis';

export interface StoredCartLine {
  productId: string;
  quantity: number;
}

export interface StoredCart {
  /** The owner's user id: one cart per user. */
  id: string;
  lines: StoredCartLine[];
  updatedAt: Date;
}

const LINE_PREFIX = 'line:';
const UPDATED_AT = 'updatedAt';

/**
 * Carts as Redis hashes, one per user: a field `line:<productId>` per line holding its quantity,
 * and `updatedAt`. A hash keeps each line independently updatable with atomic commands.
 */
export class CartStore {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {}

  key(userId: string): string {
    return `${this.keyPrefix}${userId}`;
  }

  /** The user's cart; an empty cart when none is stored. */
  async get(userId: string): Promise<StoredCart> {
    return this.toCart(userId, await this.redis.hgetall(this.key(userId)));
  }

  /** Reads many carts in one round trip. */
  async getMany(userIds: readonly string[]): Promise<StoredCart[]> {
    const pipeline = this.redis.pipeline();
    for (const userId of userIds) pipeline.hgetall(this.key(userId));
    const results = (await pipeline.exec()) ?? [];
    return userIds.map((userId, index) => {
      const [error, fields] = results[index] ?? [null, {}];
      if (error) throw error;
      return this.toCart(userId, fields as Record<string, string>);
    });
  }

  private toCart(userId: string, fields: Record<string, string>): StoredCart {
    const lines = Object.entries(fields)
      .filter(([field]) => field.startsWith(LINE_PREFIX))
      .map(([field, quantity]) => ({
        productId: field.slice(LINE_PREFIX.length),
        quantity: Number(quantity),
      }));
    const updatedAt = fields[UPDATED_AT] ? new Date(Number(fields[UPDATED_AT])) : new Date(0);
    return { id: userId, lines, updatedAt };
  }
}
