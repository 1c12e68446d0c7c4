import type { DomainEvent, RedisOutbox } from '@shop/events';
import type { Redis } from '@shop/redis';
import { defineCartScripts, type CartScripts, type ScriptReply } from './cart.scripts';

export interface StoredCartLine {
  productId: string;
  quantity: number;
}

export interface StoredCart {
  /** The owner's user id: one cart per user. */
  id: string;
  /** Lines in the order they were first added. */
  lines: StoredCartLine[];
  updatedAt: Date;
}

/**
 * Every Redis key the cart writes, under one prefix: a hash per user's cart, the outbox hash of
 * cart events beside them, and a marker per paid order whose lines were taken out of a cart.
 */
export function cartKeys(prefix: string) {
  return {
    cart: (userId: string) => `${prefix}${userId}`,
    outbox: `${prefix}outbox:events`,
    ordered: (orderId: string) => `${prefix}ordered:${orderId}`,
  };
}

export interface CartStoreOptions {
  /** Prefix of the cart keys: `<prefix><userId>`. */
  keyPrefix: string;
  /** Seconds a cart lives after its last write. */
  ttlSeconds: number;
  /** The outbox that events are written to, in the same script as the change they describe. */
  outbox: RedisOutbox;
}

/** Limits checked inside the add script, against the line as it is at that moment. */
export interface AddLineLimits {
  availableQuantity: number;
  maxLines: number;
  maxLineQuantity: number;
}

/** What a write did: the cart after it, or why it was refused (and nothing was written). */
export type CartWriteOutcome =
  | { kind: 'written'; cart: StoredCart }
  | { kind: 'too-many-lines'; lines: number }
  | { kind: 'line-quantity-limit'; current: number }
  | { kind: 'out-of-stock'; current: number }
  | { kind: 'not-in-cart' };

const LINE_PREFIX = 'line:';
const ADDED_PREFIX = 'added:';
const UPDATED_AT = 'updatedAt';

/**
 * Carts as Redis hashes, one per user (see `cart.scripts.ts` for the fields). A hash keeps
 * each line independently addressable, and every write is one Lua script, so a cart is never
 * read-modified-written by two requests at once.
 */
export class CartStore {
  private readonly scripts: CartScripts;

  constructor(
    private readonly redis: Redis,
    private readonly options: CartStoreOptions,
  ) {
    this.scripts = defineCartScripts(redis);
  }

  /** The Redis key of a user's cart. */
  key(userId: string): string {
    return cartKeys(this.options.keyPrefix).cart(userId);
  }

  /** The user's cart; an empty cart when none is stored. */
  async get(userId: string): Promise<StoredCart> {
    return toCart(userId, await this.redis.hgetall(this.key(userId)));
  }

  /** Reads many carts in one round trip. */
  async getMany(userIds: readonly string[]): Promise<StoredCart[]> {
    const pipeline = this.redis.pipeline();
    for (const userId of userIds) pipeline.hgetall(this.key(userId));
    const results = (await pipeline.exec()) ?? [];
    return userIds.map((userId, index) => {
      const [error, fields] = results[index] ?? [null, {}];
      if (error) throw error;
      return toCart(userId, fields as Record<string, string>);
    });
  }

  /**
   * Adds units to the product's line (creating it) and records `event` in the outbox, in one
   * script; refused without writing when a limit or the available quantity would be exceeded.
   */
  async addLine(
    userId: string,
    line: StoredCartLine,
    limits: AddLineLimits,
    event: DomainEvent,
  ): Promise<CartWriteOutcome> {
    const reply = await this.scripts.cartAddLine(
      this.key(userId),
      this.options.outbox.key,
      line.productId,
      line.quantity,
      limits.availableQuantity,
      limits.maxLines,
      limits.maxLineQuantity,
      this.options.ttlSeconds,
      Date.now(),
      ...this.options.outbox.pushArgs(event),
    );
    return toOutcome(userId, reply);
  }

  /** Sets the quantity of an existing line; 0 removes it (and removing nothing is no change). */
  async setLineQuantity(userId: string, line: StoredCartLine): Promise<CartWriteOutcome> {
    const reply = await this.scripts.cartSetLineQuantity(
      this.key(userId),
      line.productId,
      line.quantity,
      this.options.ttlSeconds,
      Date.now(),
    );
    return toOutcome(userId, reply);
  }

  /**
   * Takes what an order bought out of the user's cart, once per order id; `removed` is false
   * when an earlier call for the order already did. Each line drops by the units ordered, so
   * units added since the order stay, and lines the order did not buy are untouched.
   */
  async removeOrderedLines(
    userId: string,
    orderId: string,
    lines: readonly StoredCartLine[],
  ): Promise<{ removed: boolean; cart: StoredCart }> {
    const reply = await this.scripts.cartRemoveOrdered(
      this.key(userId),
      cartKeys(this.options.keyPrefix).ordered(orderId),
      this.options.ttlSeconds,
      Date.now(),
      this.options.ttlSeconds,
      ...lines.flatMap((line) => [line.productId, line.quantity]),
    );
    return { removed: reply.status === 'OK', cart: toCart(userId, reply.fields) };
  }

  /** Removes every line. */
  async clear(userId: string): Promise<StoredCart> {
    const reply = await this.scripts.cartClear(
      this.key(userId),
      this.options.ttlSeconds,
      Date.now(),
    );
    return toCart(userId, reply.fields);
  }
}

function toOutcome(userId: string, reply: ScriptReply): CartWriteOutcome {
  switch (reply.status) {
    case 'OK':
      return { kind: 'written', cart: toCart(userId, reply.fields) };
    case 'TOO_MANY_LINES':
      return { kind: 'too-many-lines', lines: reply.detail };
    case 'LINE_QUANTITY_LIMIT':
      return { kind: 'line-quantity-limit', current: reply.detail };
    case 'OUT_OF_STOCK':
      return { kind: 'out-of-stock', current: reply.detail };
    case 'NOT_IN_CART':
      return { kind: 'not-in-cart' };
    case 'ALREADY_REMOVED':
      throw new Error('a line write cannot answer ALREADY_REMOVED');
  }
}

function toCart(userId: string, fields: Record<string, string>): StoredCart {
  const lines = Object.entries(fields)
    .filter(([field]) => field.startsWith(LINE_PREFIX))
    .map(([field, quantity]) => {
      const productId = field.slice(LINE_PREFIX.length);
      return { productId, quantity: Number(quantity), added: addedOrder(fields, productId) };
    })
    .sort((a, b) => a.added - b.added || a.productId.localeCompare(b.productId))
    .map(({ productId, quantity }) => ({ productId, quantity }));
  const updatedAt = fields[UPDATED_AT] ? new Date(Number(fields[UPDATED_AT])) : new Date(0);
  return { id: userId, lines, updatedAt };
}

/** Lines written before the order field existed sort first, by product id. */
function addedOrder(fields: Record<string, string>, productId: string): number {
  const added = fields[`${ADDED_PREFIX}${productId}`];
  return added ? Number(added) : 0;
}
