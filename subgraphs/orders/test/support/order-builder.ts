import { Types } from 'mongoose';
import type { OrderDocument, OrderLine } from '../../src/order/order.model';

const krw = (amount: number) => ({ amount, currency: 'KRW' });

/** A line of `quantity` units at `price`. */
export function orderLine(productId: string, quantity = 1, price = 10_000): OrderLine {
  return {
    productId,
    productName: `Product ${productId.slice(-4)}`,
    unitPrice: krw(price),
    quantity,
    cancelledQuantity: 0,
    status: 'ORDERED',
    lineTotal: krw(price * quantity),
    discountShare: krw(0),
  };
}

/**
 * Seed builder: an order document as placement writes it, in the state a test names, for tests
 * of reads that do not need the whole checkout behind them.
 */
export function orderDocument(overrides: Partial<OrderDocument> = {}): OrderDocument {
  const now = new Date();
  const lines = overrides.lines ?? [orderLine(new Types.ObjectId().toHexString(), 2)];
  const subtotal = lines.reduce((sum, line) => sum + line.lineTotal.amount, 0);
  const buyerId = overrides.buyerId ?? new Types.ObjectId().toHexString();
  return {
    _id: new Types.ObjectId(),
    number: `20261123-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
    buyerId,
    buyerContact: { email: 'buyer@example.test', name: 'Buyer', phone: null, locale: 'ko' },
    source: 'ITEMS',
    status: 'PENDING_PAYMENT',
    lines,
    subtotal: krw(subtotal),
    shippingFee: krw(3_000),
    discount: krw(0),
    total: krw(subtotal + 3_000),
    refunded: krw(0),
    couponId: null,
    shippingAddress: {
      recipient: '김민지',
      phone: '010-1234-5678',
      postalCode: '06236',
      line1: '서울 강남구 테헤란로 1',
      line2: null,
    },
    payment: null,
    abandonedPayments: [],
    lateApprovalCheckUntil: null,
    shipment: null,
    cancellations: [],
    history: [{ status: 'PENDING_PAYMENT', at: now, by: buyerId, reason: 'order placed' }],
    payBy: new Date(now.getTime() + 900_000),
    reservation: { status: 'HELD', expiresAt: new Date(now.getTime() + 900_000) },
    cartCleanup: 'NONE',
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}
