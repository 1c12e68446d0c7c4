import { createHash } from 'node:crypto';
import { mongo } from 'mongoose';
import type { Redis } from '@shop/redis';
import type { ProductDocument } from '../product/product.model';
import type { ProductPage } from '../product/product-page';

const { EJSON } = mongo.BSON;

/**
 * Hot catalog reads in Redis: products by id, and first pages of listings. A product change
 * deletes its entry and bumps the listing generation, which retires every cached page at
 * once (old generations expire by TTL). A read racing a change can store a stale value for
 * at most the TTL. Values are Extended JSON so ids and dates come back typed.
 */
export class ProductCache {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
  ) {}

  get enabled(): boolean {
    return this.ttlSeconds > 0;
  }

  private productKey(id: string): string {
    return `${this.prefix}product:${id}`;
  }

  /** Cached products in key order, undefined where there is no entry. */
  async getProducts(ids: readonly string[]): Promise<Array<ProductDocument | undefined>> {
    if (!this.enabled || !ids.length) return ids.map(() => undefined);
    const values = await this.redis.mget(ids.map((id) => this.productKey(id)));
    return values.map((value) => (value ? (EJSON.parse(value) as ProductDocument) : undefined));
  }

  async setProducts(products: ProductDocument[]): Promise<void> {
    if (!this.enabled || !products.length) return;
    const pipeline = this.redis.pipeline();
    for (const product of products) {
      pipeline.set(
        this.productKey(product._id.toHexString()),
        EJSON.stringify(product, { relaxed: false }),
        'EX',
        this.ttlSeconds,
      );
    }
    await pipeline.exec();
  }

  /**
   * A first page: cached under its arguments and the generation read before computing it, so a
   * page computed while a change happened is stored under the retired generation, never served.
   */
  async page(args: unknown, compute: () => Promise<ProductPage>): Promise<ProductPage> {
    if (!this.enabled) return compute();
    const key = await this.pageKey(args);
    const value = await this.redis.get(key);
    if (value) return EJSON.parse(value) as ProductPage;
    const page = await compute();
    await this.redis.set(key, EJSON.stringify(page, { relaxed: false }), 'EX', this.ttlSeconds);
    return page;
  }

  private async pageKey(args: unknown): Promise<string> {
    const generation = (await this.redis.get(`${this.prefix}generation`)) ?? '0';
    const hash = createHash('sha1').update(JSON.stringify(args)).digest('base64url');
    return `${this.prefix}page:${generation}:${hash}`;
  }

  /** Forgets the products and every cached listing page. */
  async invalidate(ids: string[]): Promise<void> {
    if (!this.enabled) return;
    const pipeline = this.redis.pipeline();
    if (ids.length) pipeline.del(...ids.map((id) => this.productKey(id)));
    pipeline.incr(`${this.prefix}generation`);
    await pipeline.exec();
  }
}
