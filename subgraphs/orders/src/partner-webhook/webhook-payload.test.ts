import { orderCreated, orderDelivered, orderStatusChanged } from '@shop/contracts';
import { fallbackSequence } from './webhook-fanout';
import { webhookBody, webhookMessageOf } from './webhook-payload';

const ref = {
  orderId: '6b0428550000000000000001',
  number: '20261123-000001',
  buyerId: '6b0428550000000000000002',
};
const never = () => {
  throw new Error('not needed');
};

describe('webhook payloads', () => {
  it('a status change to PAID or CANCELLED becomes order.paid / order.cancelled; others nothing', () => {
    const change = (to: 'PAID' | 'CANCELLED' | 'PARTIALLY_CANCELLED' | 'PAYMENT_FAILED') =>
      orderStatusChanged.create({
        ...ref,
        from: 'PENDING_PAYMENT',
        to,
        by: 'system',
        reason: null,
        at: '2026-11-23T01:00:00.000Z',
        sequence: 4,
      });
    expect(webhookMessageOf(change('PAID'), never)).toMatchObject({
      event: 'ORDER_PAID',
      type: 'order.paid',
      data: { orderId: ref.orderId, orderNumber: ref.number, status: 'PAID', sequence: 4 },
    });
    expect(webhookMessageOf(change('PARTIALLY_CANCELLED'), never)?.event).toBe('ORDER_CANCELLED');
    expect(webhookMessageOf(change('PAYMENT_FAILED'), never)).toBeNull();
    const created = orderCreated.create({
      ...ref,
      lines: [{ productId: ref.orderId, quantity: 1, unitPrice: { amount: 1, currency: 'KRW' } }],
      subtotal: { amount: 1, currency: 'KRW' },
      shippingFee: { amount: 0, currency: 'KRW' },
      discount: { amount: 0, currency: 'KRW' },
      total: { amount: 1, currency: 'KRW' },
      couponId: null,
      payBy: '2026-11-23T01:15:00.000Z',
    });
    expect(webhookMessageOf(created, never)).toBeNull();
  });

  it('carries ids, number, status, parcel, dates and sequence: never the buyer', () => {
    const delivered = orderDelivered.create({
      ...ref,
      carrier: 'HANJIN',
      trackingNumber: '123',
      deliveredAt: '2026-11-25T05:00:00.000Z',
      sequence: 7,
    });
    const message = webhookMessageOf(delivered, never);
    if (!message) throw new Error('expected a message');
    expect(JSON.parse(webhookBody(message))).toEqual({
      type: 'order.delivered',
      timestamp: delivered.occurredAt.toISOString(),
      data: {
        orderId: ref.orderId,
        orderNumber: ref.number,
        status: 'DELIVERED',
        carrier: 'HANJIN',
        trackingNumber: '123',
        deliveredAt: '2026-11-25T05:00:00.000Z',
        sequence: 7,
      },
    });
    expect(webhookBody(message)).not.toContain(ref.buyerId);
  });

  it('a status change without a sequence takes its place in the order history', () => {
    const at = new Date('2026-11-23T01:00:00.000Z');
    const history = [
      { status: 'PENDING_PAYMENT', at: new Date('2026-11-23T00:59:00.000Z') },
      { status: 'PAID', at },
    ];
    expect(fallbackSequence(history, { to: 'PAID', at: at.toISOString() })).toBe(2);
    expect(fallbackSequence(history, { to: 'CANCELLED', at: at.toISOString() })).toBe(3);
    const unsequenced = orderStatusChanged.create({
      ...ref,
      from: 'PENDING_PAYMENT',
      to: 'PAID',
      by: 'system',
      reason: null,
      at: at.toISOString(),
    });
    expect(webhookMessageOf(unsequenced, (p) => fallbackSequence(history, p))?.data.sequence).toBe(
      2,
    );
  });
});
