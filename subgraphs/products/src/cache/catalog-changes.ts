import type { Redis } from '@shop/redis';
import type { ProductCache } from './product-cache';

/**
 * Announces that products changed: drops them from the Redis cache and publishes their ids on
 * the catalog channel, which every products process's search index listens to.
 */
export class CatalogChanges {
  constructor(
    private readonly redis: Redis,
    readonly channel: string,
    private readonly cache: ProductCache,
  ) {}

  async publish(productIds: string[]): Promise<void> {
    await this.cache.invalidate(productIds);
    if (productIds.length) await this.redis.publish(this.channel, JSON.stringify(productIds));
  }
}
