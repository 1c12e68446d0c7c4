import type {
  ReservationLine,
  ReservationResponse,
  ReserveStockRequest,
  RestockRequest,
  RestockResponse,
} from '@shop/contracts';
import { AppError, NotFoundError } from '@shop/errors';
import type { ProductModel } from '../product/product.model';
import type {
  ReservationDocument,
  ReservationModel,
  ReservationRefusal,
  ReservationStatus,
} from './reservation.model';
import { restockLines } from './restock';
import { endHold, placeHold, type HoldOutcome } from './stock-holds';

export interface InventoryOptions {
  products: ProductModel;
  reservations: ReservationModel;
  /** Expiry of a reservation whose request names none. */
  defaultTtlSeconds: number;
  /** Told which products' stock changed, to invalidate caches. */
  onStockChanged?: (productIds: string[]) => Promise<void>;
  now?: () => Date;
}

const OPEN: ReservationStatus[] = ['PENDING', 'RESERVED'];

/** Sums duplicate lines and orders them by product id, so equal requests compare equal. */
export function mergeLines(lines: ReservationLine[]): ReservationLine[] {
  const byProduct = new Map<string, number>();
  for (const { productId, quantity } of lines) {
    const id = productId.toLowerCase();
    byProduct.set(id, (byProduct.get(id) ?? 0) + quantity);
  }
  return [...byProduct.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([productId, quantity]) => ({ productId, quantity }));
}

function sameLines(a: ReservationLine[], b: ReservationLine[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function toResponse(reservation: ReservationDocument): ReservationResponse {
  return {
    orderId: reservation._id,
    status: reservation.status,
    lines: reservation.lines.map(({ productId, quantity }) => ({ productId, quantity })),
    expiresAt: reservation.expiresAt.toISOString(),
  };
}

function refusalError(refusal: ReservationRefusal): AppError {
  const { code, message, ...details } = refusal;
  return new AppError(code, message, details);
}

/** The error a reservation that did not end up held reports, to every retry alike. */
function failureOf(reservation: ReservationDocument): AppError {
  if (reservation.status === 'REJECTED' && reservation.refusal) {
    return refusalError(reservation.refusal);
  }
  return new AppError(
    'INVALID_STATE_TRANSITION',
    `The reservation of order ${reservation._id} is ${reservation.status.toLowerCase()}`,
  );
}

function refusalOf(line: ReservationLine, outcome: Exclude<HoldOutcome, { kind: 'held' }>) {
  const { productId } = line;
  if (outcome.reason === 'NOT_FOUND') {
    return { code: 'NOT_FOUND' as const, message: `Product ${productId} not found`, productId };
  }
  return {
    code: 'OUT_OF_STOCK' as const,
    message:
      outcome.reason === 'ARCHIVED'
        ? `Product ${productId} is no longer sold`
        : `Only ${outcome.available} units of product ${productId} are available`,
    productId,
    available: outcome.available,
  };
}

/**
 * Stock reservations for orders: all-or-nothing, idempotent by order id, never overselling.
 * Units are held by conditional single-document updates on each product; the reservation
 * document records the intent, so a crash at any point is finished or compensated by a retry
 * or by {@link ReservationSweeper}.
 */
export class InventoryService {
  private readonly now: () => Date;

  constructor(private readonly options: InventoryOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Holds every line for `orderId` until it expires, or nothing: OUT_OF_STOCK (or NOT_FOUND)
   * names the line that failed. A retry with the same lines returns the same outcome;
   * different lines under the same order id are IDEMPOTENCY_KEY_REUSED.
   */
  async reserve(request: ReserveStockRequest): Promise<ReservationResponse> {
    const lines = mergeLines(request.lines);
    const ttl = request.ttlSeconds ?? this.options.defaultTtlSeconds;
    const expiresAt = new Date(this.now().getTime() + ttl * 1_000);
    const reservation = await this.open(request.orderId, lines, expiresAt);
    if (reservation.status !== 'PENDING') return this.replay(reservation);
    for (const line of lines) {
      const outcome = await placeHold(
        this.options.products,
        reservation._id,
        line,
        reservation.expiresAt,
      );
      if (outcome.kind === 'refused') await this.refuse(reservation, refusalOf(line, outcome));
    }
    await this.changed(lines);
    return this.finishReserve(reservation);
  }

  /** Inserts the reservation, or returns the one a previous call for this order created. */
  private async open(orderId: string, lines: ReservationLine[], expiresAt: Date) {
    const { reservations } = this.options;
    try {
      const created = await reservations.create({
        _id: orderId,
        status: 'PENDING',
        lines,
        expiresAt,
        settled: false,
      });
      return created.toObject<ReservationDocument>();
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      const existing = await reservations.findById(orderId).lean<ReservationDocument>();
      if (!existing) throw error;
      if (existing.lines.length && !sameLines(existing.lines, lines)) {
        throw new AppError(
          'IDEMPOTENCY_KEY_REUSED',
          `Order ${orderId} already reserved other lines`,
        );
      }
      return existing;
    }
  }

  /** The outcome of an earlier call for the same order, as that call reported it. */
  private replay(reservation: ReservationDocument): ReservationResponse {
    if (reservation.status === 'RESERVED' || reservation.status === 'COMMITTED') {
      return toResponse(reservation);
    }
    throw failureOf(reservation);
  }

  /** Marks the reservation refused, gives back what was held, and throws the refusal. */
  private async refuse(reservation: ReservationDocument, refusal: ReservationRefusal) {
    const { reservations } = this.options;
    await reservations.updateOne(
      { _id: reservation._id, status: 'PENDING' },
      { $set: { status: 'REJECTED', settled: false, refusal } },
    );
    const current = await reservations.findById(reservation._id).lean<ReservationDocument>();
    if (!current) throw new NotFoundError('Reservation', reservation._id);
    await this.settle(current);
    throw failureOf(current);
  }

  private async finishReserve(reservation: ReservationDocument): Promise<ReservationResponse> {
    const { reservations } = this.options;
    const done = await reservations
      .findOneAndUpdate(
        { _id: reservation._id, status: 'PENDING' },
        { $set: { status: 'RESERVED', settled: true } },
        { new: true },
      )
      .lean<ReservationDocument>();
    if (done) return toResponse(done);
    // Released, expired or refused meanwhile: make sure the holds this call placed go back.
    const current = await reservations.findById(reservation._id).lean<ReservationDocument>();
    if (!current) throw new NotFoundError('Reservation', reservation._id);
    await this.settle(current);
    return this.replay(current);
  }

  /**
   * Makes the held units leave with the order: on-hand and reserved drop by each line. Only a
   * RESERVED, unexpired reservation can be committed; committing again returns it unchanged.
   */
  async commit(orderId: string): Promise<ReservationResponse> {
    const { reservations } = this.options;
    const committed = await reservations
      .findOneAndUpdate(
        { _id: orderId, status: 'RESERVED', expiresAt: { $gt: this.now() } },
        { $set: { status: 'COMMITTED', settled: false } },
        { new: true },
      )
      .lean<ReservationDocument>();
    const reservation =
      committed ?? (await reservations.findById(orderId).lean<ReservationDocument>());
    if (!reservation) throw new NotFoundError('Reservation', orderId);
    if (reservation.status !== 'COMMITTED') {
      const expired = reservation.status === 'RESERVED';
      throw new AppError(
        'INVALID_STATE_TRANSITION',
        `The reservation of order ${orderId} is ${expired ? 'expired' : reservation.status.toLowerCase()}`,
      );
    }
    await this.settle(reservation);
    return toResponse(reservation);
  }

  /**
   * Returns held units to sale. Releasing again, or releasing an expired or refused
   * reservation, returns it unchanged; an unknown order gets a RELEASED tombstone so a reserve
   * that arrives late is refused. A committed reservation cannot be released.
   */
  async release(orderId: string): Promise<ReservationResponse> {
    const { reservations } = this.options;
    const released = await reservations
      .findOneAndUpdate(
        { _id: orderId, status: { $in: OPEN } },
        { $set: { status: 'RELEASED', settled: false } },
        { new: true },
      )
      .lean<ReservationDocument>();
    const reservation =
      released ??
      (await reservations.findById(orderId).lean<ReservationDocument>()) ??
      (await this.tombstone(orderId));
    if (reservation.status === 'COMMITTED') {
      throw new AppError(
        'INVALID_STATE_TRANSITION',
        `The reservation of order ${orderId} is committed`,
      );
    }
    if (OPEN.includes(reservation.status)) return this.release(orderId);
    await this.settle(reservation);
    return toResponse(reservation);
  }

  private async tombstone(orderId: string): Promise<ReservationDocument> {
    const { reservations } = this.options;
    const now = this.now();
    await reservations.updateOne(
      { _id: orderId },
      { $setOnInsert: { status: 'RELEASED', lines: [], expiresAt: now, settled: true } },
      { upsert: true },
    );
    return (await reservations
      .findById(orderId)
      .lean<ReservationDocument>()) as ReservationDocument;
  }

  /**
   * Brings the products' holds in line with a terminal reservation (commit or release every
   * line), then marks it settled. Every step is idempotent, so settling twice is harmless.
   */
  async settle(reservation: ReservationDocument): Promise<void> {
    if (OPEN.includes(reservation.status)) return;
    const how = reservation.status === 'COMMITTED' ? 'commit' : 'release';
    for (const line of reservation.lines) {
      await endHold(this.options.products, reservation._id, line, how);
    }
    if (!reservation.settled) {
      await this.options.reservations.updateOne(
        { _id: reservation._id, status: reservation.status },
        { $set: { settled: true } },
      );
    }
    await this.changed(reservation.lines);
  }

  /**
   * Expires one open reservation whose time has passed and returns its units; false when it
   * was committed, released or extended meanwhile.
   */
  async expire(orderId: string): Promise<boolean> {
    const expired = await this.options.reservations
      .findOneAndUpdate(
        { _id: orderId, status: { $in: OPEN }, expiresAt: { $lte: this.now() } },
        { $set: { status: 'EXPIRED', settled: false } },
        { new: true },
      )
      .lean<ReservationDocument>();
    if (!expired) return false;
    await this.settle(expired);
    return true;
  }

  /**
   * Puts a cancellation's units back on sale, once per order and cancellation id (see
   * {@link restockLines}); caches hear of the change.
   */
  async restock(request: RestockRequest): Promise<RestockResponse> {
    const done = await restockLines(this.options.products, request);
    await this.changed(request.lines);
    return done;
  }

  private async changed(lines: ReservationLine[]): Promise<void> {
    await this.options.onStockChanged?.(lines.map((line) => line.productId));
  }
}
