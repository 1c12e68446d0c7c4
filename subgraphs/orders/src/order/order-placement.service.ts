import { Types } from 'mongoose';
import { requireUser, type Identity } from '@shop/auth';
import { orderCreated, type UserContact } from '@shop/contracts';
import { AppError, ForbiddenError, NotFoundError, parseInput } from '@shop/errors';
import { WITHOUT_OUTBOX } from '@shop/events';
import type { Logger } from '@shop/logger';
import type { CartClient } from '../clients/cart.client';
import type { AppliedCoupon, CouponCheckout } from '../coupon/coupon-checkout';
import { withCoupon } from '../coupon/coupon-checkout';
import type { ProductsClient } from '../clients/products.client';
import type { UsersClient } from '../clients/users.client';
import type { CrashHook } from '../crash-points';
import type { IdempotencyService } from '../idempotency/idempotency.service';
import { createOrderInput, type CreateOrderInput } from './order-input';
import { nextOrderNumber, type OrderNumberCounterModel } from './order-number';
import {
  priceOrder,
  type PricedOrder,
  type PricingRules,
  type RequestedLine,
} from './order-pricing';
import type { OrderTimeoutScheduler } from './order-timeouts';
import type { BuyerContact, OrderDocument, OrderModel } from './order.model';

export interface OrderPlacementOptions {
  orders: OrderModel;
  counters: OrderNumberCounterModel;
  idempotency: IdempotencyService;
  products: ProductsClient;
  carts: CartClient;
  users: UsersClient;
  timeouts: OrderTimeoutScheduler;
  /** Checks, prices and holds the buyer's coupon (`input.couponId`). */
  coupons: Pick<CouponCheckout, 'apply' | 'hold' | 'releaseHold'>;
  rules: PricingRules;
  /** Seconds an order may stay unpaid; its stock is reserved for as long. */
  paymentWindowSeconds: number;
  crash: CrashHook;
  logger: Logger;
}

/** What an order is made of before it is written. */
interface Placement {
  orderId: Types.ObjectId;
  buyerId: string;
  input: CreateOrderInput;
  source: OrderDocument['source'];
  requested: RequestedLine[];
  priced: PricedOrder;
  contact: BuyerContact;
  coupon: AppliedCoupon | null;
}

/**
 * createOrder: lines from the input or the buyer's cart, names and prices frozen from the
 * catalog, stock reserved all or nothing for the payment window, then the order written with
 * its `orders.order.created` event. Idempotent by the buyer's key: the key fixes the order id
 * before anything happens, so a retry (or a concurrent duplicate) ends at the same order.
 */
export class OrderPlacementService {
  constructor(private readonly options: OrderPlacementOptions) {}

  /**
   * Places an order for the signed-in buyer, PENDING_PAYMENT until `payBy`.
   * With `input.couponId` the coupon's discount is split over its eligible lines and the coupon
   * is held for this order (one order per coupon) before the stock is reserved.
   * @throws BAD_USER_INPUT (address, lines, key), EMPTY_CART, NOT_FOUND or OUT_OF_STOCK naming
   * the product, COUPON_NOT_APPLICABLE or COUPON_EXPIRED with the reason,
   * IDEMPOTENCY_KEY_REUSED; each changes nothing.
   */
  async createOrder(
    identity: Identity | null,
    rawInput: unknown,
    key: string,
  ): Promise<OrderDocument> {
    const buyer = requireUser(identity);
    const input = parseInput(createOrderInput, rawInput, 'input');
    return this.options.idempotency.run({
      buyerId: buyer.userId,
      operation: 'createOrder',
      key,
      input,
      execute: async (claim) => ({
        resultRef: claim.resultRef,
        result: await this.place(
          buyer.userId,
          input,
          new Types.ObjectId(claim.resultRef),
          claim.resumed,
        ),
      }),
      replay: (orderId) => this.read(new Types.ObjectId(orderId)),
    });
  }

  private async place(
    buyerId: string,
    input: CreateOrderInput,
    orderId: Types.ObjectId,
    resumed: boolean,
  ): Promise<OrderDocument> {
    // A retry that took over a request which died after writing the order finds it here.
    const written = resumed
      ? await this.options.orders.findById(orderId, WITHOUT_OUTBOX).lean<OrderDocument>()
      : null;
    if (written) return written;
    const placement = await this.prepare(buyerId, input, orderId);
    // The order is placed, and its payment window opens, as its stock is about to be reserved.
    const placedAt = new Date();
    const window = this.options.paymentWindowSeconds;
    const payBy = new Date(placedAt.getTime() + window * 1_000);
    const reservation = await this.reserve(placement, window);
    await this.options.crash.at('after-reserve');
    const order = await this.write(placement, placedAt, payBy, new Date(reservation.expiresAt));
    await this.options.timeouts.schedule(order._id.toHexString(), payBy).catch((err: unknown) => {
      this.options.logger.warn(
        { orderId: order._id.toHexString(), err },
        'timeout left to the sweeper',
      );
    });
    return order;
  }

  /**
   * Holds the coupon (when there is one), then the stock; a refused reservation gives the
   * coupon back at once (a crash in between leaves it to the coupon recovery pass).
   */
  private async reserve(placement: Placement, window: number) {
    const orderId = placement.orderId.toHexString();
    const { coupon } = placement;
    if (coupon) await this.options.coupons.hold(placement.buyerId, coupon, orderId);
    try {
      return await this.options.products.reserve(orderId, placement.requested, window);
    } catch (error) {
      if (coupon) await this.options.coupons.releaseHold(orderId);
      throw error;
    }
  }

  /** Everything that can refuse the order, before anything is reserved or written. */
  private async prepare(
    buyerId: string,
    input: CreateOrderInput,
    orderId: Types.ObjectId,
  ): Promise<Placement> {
    const source = input.items ? 'ITEMS' : 'CART';
    const requested = input.items ?? (await this.options.carts.lines(buyerId));
    if (!requested.length) throw new AppError('EMPTY_CART', 'There is nothing to order');
    const [products, contact] = await Promise.all([
      this.options.products.lookup(requested.map((line) => line.productId)),
      this.options.users.contact(buyerId),
    ]);
    const priced = priceOrder(requested, products, this.options.rules);
    const coupon = input.couponId
      ? await this.options.coupons.apply(
          buyerId,
          input.couponId,
          priced.lines.map((line, index) => ({
            productId: line.productId,
            sellerId: products[index]?.sellerId ?? null,
            lineTotal: line.lineTotal.amount,
          })),
          orderId.toHexString(),
        )
      : null;
    return {
      orderId,
      buyerId,
      input,
      source,
      requested,
      priced: coupon ? withCoupon(priced, coupon) : priced,
      contact: contactOf(buyerId, contact),
      coupon,
    };
  }

  private async write(
    placement: Placement,
    now: Date,
    payBy: Date,
    reservedUntil: Date,
  ): Promise<OrderDocument> {
    const { orderId, buyerId, priced } = placement;
    const number = await nextOrderNumber(this.options.counters, now);
    const document: Omit<OrderDocument, 'outbox'> = {
      _id: orderId,
      number,
      buyerId,
      buyerContact: placement.contact,
      source: placement.source,
      status: 'PENDING_PAYMENT',
      ...priced,
      refunded: { amount: 0, currency: priced.total.currency },
      couponId: placement.input.couponId,
      shippingAddress: placement.input.shippingAddress,
      payment: null,
      abandonedPayments: [],
      lateApprovalCheckUntil: null,
      shipment: null,
      cancellations: [],
      history: [{ status: 'PENDING_PAYMENT', at: now, by: buyerId, reason: 'order placed' }],
      payBy,
      reservation: { status: 'HELD', expiresAt: reservedUntil },
      cartCleanup: 'NONE',
      createdAt: now,
      updatedAt: now,
    };
    await this.options.orders.create({ ...document, outbox: [createdEvent(document, now)] });
    return document as OrderDocument;
  }

  private async read(orderId: Types.ObjectId): Promise<OrderDocument> {
    const order = await this.options.orders.findById(orderId, WITHOUT_OUTBOX).lean<OrderDocument>();
    if (!order) throw new Error(`order ${orderId.toHexString()} of a completed key is missing`);
    return order;
  }
}

/** The buyer's contact as the order keeps it; an unknown or suspended account cannot order. */
function contactOf(buyerId: string, contact: UserContact | null): BuyerContact {
  if (!contact) throw new NotFoundError('User', buyerId);
  if (contact.status === 'SUSPENDED') throw new ForbiddenError('A suspended account cannot order');
  return { email: contact.email, name: contact.name, phone: contact.phone, locale: contact.locale };
}

function createdEvent(order: Omit<OrderDocument, 'outbox'>, at: Date) {
  return orderCreated.create(
    {
      orderId: order._id.toHexString(),
      number: order.number,
      buyerId: order.buyerId,
      lines: order.lines.map(({ productId, quantity, unitPrice }) => ({
        productId,
        quantity,
        unitPrice,
      })),
      subtotal: order.subtotal,
      shippingFee: order.shippingFee,
      discount: order.discount,
      total: order.total,
      couponId: order.couponId,
      payBy: order.payBy.toISOString(),
    },
    at,
  );
}
