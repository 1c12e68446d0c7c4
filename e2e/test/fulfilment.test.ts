import { carrierSandbox, dataPlatform, mailSink, smsSink, waitFor } from '@shop/testing';
import { createSignedInUser, startStack, type Stack, type TestUser } from '../src';
import { CartCatalog } from './cart-fixtures';
import { customer, dataOf } from './checkout-fixtures';
import {
  assignSeller,
  codeOf,
  fulfilmentClient,
  paidOrder,
  type FulfilmentClient,
} from './fulfilment-fixtures';

/**
 * The journey after the sale through the gateway: pay → prepare → ship (SMS with the tracking
 * link) → the carrier sandbox's signed scans → DELIVERED and the review mail → a review, the
 * product's rating through federation; and who may do each step.
 */
describe('fulfilment: from a paid order to a delivered, reviewed one', () => {
  let stack: Stack;
  let catalog: CartCatalog;
  let seller: TestUser;
  let sellerClient: FulfilmentClient;
  let otherSeller: FulfilmentClient;
  let admin: FulfilmentClient;
  let agent: FulfilmentClient;

  beforeAll(async () => {
    stack = await startStack({}, { workers: true });
    catalog = await CartCatalog.seed(stack, 12);
    seller = await createSignedInUser(stack, { roles: ['SELLER'] });
    sellerClient = fulfilmentClient(stack, seller.accessToken);
    const other = await createSignedInUser(stack, { roles: ['SELLER'] });
    otherSeller = fulfilmentClient(stack, other.accessToken);
    admin = fulfilmentClient(
      stack,
      (await createSignedInUser(stack, { roles: ['ADMIN'] })).accessToken,
    );
    agent = fulfilmentClient(
      stack,
      (await createSignedInUser(stack, { roles: ['AGENT'] })).accessToken,
    );
    await carrierSandbox.configure(
      `${new URL(stack.subgraphs.orders.url).origin}/webhooks/carrier`,
    );
  }, 120_000);
  afterAll(async () => {
    await stack.stop();
  });

  it('ships, tracks, delivers and takes one review per line from the buyer only', async () => {
    const product = await catalog.take({ price: 12_000, available: 10 });
    await assignSeller(stack, [product], seller.id);
    const { buyer, order, client } = await paidOrder(stack, [{ productId: product, quantity: 2 }]);

    // Only ADMIN or the seller of every line fulfils; the buyer and agents are FORBIDDEN.
    expect(codeOf(await client.startPreparingOrder(order.id))).toBe('FORBIDDEN');
    expect(codeOf(await agent.startPreparingOrder(order.id))).toBe('FORBIDDEN');
    expect(codeOf(await otherSeller.startPreparingOrder(order.id))).toBe('NOT_FOUND');
    expect(codeOf(await sellerClient.shipOrder(order.id, { carrier: 'CJ' }))).toBe(
      'INVALID_STATE_TRANSITION',
    );
    expect(dataOf(await client.order(order.id)).order.status).toBe('PAID');

    const preparing = dataOf(await sellerClient.startPreparingOrder(order.id)).startPreparingOrder;
    expect(preparing.status).toBe('PREPARING');
    expect(codeOf(await sellerClient.shipOrder(order.id, { carrier: 'DHL' }))).toBe(
      'BAD_USER_INPUT',
    );
    const shipped = dataOf(await sellerClient.shipOrder(order.id, { carrier: 'CJ' })).shipOrder;
    expect(shipped.status).toBe('SHIPPED');
    const shipment = shipped.shipment!;
    expect(shipment.trackingNumber).toMatch(/^[1-9]\d{11}$/);
    expect(shipment.trackingUrl).toBe(
      `${String(process.env['CARRIER_SANDBOX_URL'])}/tracking/${shipment.trackingNumber}`,
    );
    expect(new Date(shipment.estimatedDeliveryAt).getTime()).toBeGreaterThan(
      new Date(shipment.shippedAt).getTime(),
    );
    expect(shipped.history.map((h) => [h.status, h.by])).toEqual([
      ['PENDING_PAYMENT', buyer.id],
      ['PAID', buyer.id],
      ['PREPARING', seller.id],
      ['SHIPPED', seller.id],
    ]);
    // The buyer cannot cancel once shipped; the order stays as it is.
    expect(codeOf(await client.cancelOrder(order.id))).toBe('INVALID_STATE_TRANSITION');

    const sms = await waitFor(
      'the shipping SMS',
      async () =>
        (await smsSink.list()).find((message) => message.body.includes(shipment.trackingNumber)),
      { timeoutMs: 15_000 },
    );
    expect(sms.to).toBe('+821012345678');
    expect(sms.body).toContain(shipment.trackingUrl);
    expect(sms.body).toContain(order.number);

    // The carrier's scans arrive signed; each moves the parcel forward.
    for (const status of ['IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED'] as const) {
      const sent = await carrierSandbox.sendEvent(shipment.trackingNumber, status);
      expect(sent.response?.status).toBe(200);
    }
    const delivered = dataOf(await client.order(order.id)).order;
    expect(delivered.status).toBe('DELIVERED');
    expect(delivered.shipment?.lastEvent).toBe('DELIVERED');
    expect(delivered.shipment?.deliveredAt).not.toBeNull();
    expect(delivered.history.at(-1)).toEqual({ status: 'DELIVERED', by: 'system', reason: null });

    const mail = await waitFor(
      'the review mail',
      async () =>
        (await mailSink.list()).find(
          (m) => m.to.includes(buyer.email) && m.text.includes(`/orders/${order.id}/review`),
        ),
      { timeoutMs: 15_000 },
    );
    expect(mail.subject).toContain(order.number);

    // Reviews: the buyer once per line; anyone else FORBIDDEN; bad input changes nothing.
    const stranger = fulfilmentClient(stack, (await customer(stack)).accessToken);
    expect(codeOf(await stranger.writeReview(order.id, product, 5, 'great'))).toBe('FORBIDDEN');
    expect(codeOf(await client.writeReview(order.id, product, 6, 'great'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await client.writeReview(order.id, product, 4, '<p> </p>'))).toBe(
      'BAD_USER_INPUT',
    );
    const review = dataOf(
      await client.writeReview(
        order.id,
        product,
        4,
        '<b>빠른 배송</b>, 좋아요<script>x()</script>',
      ),
    ).writeReview;
    expect(review).toMatchObject({ rating: 4, body: '빠른 배송, 좋아요', verifiedPurchase: true });
    expect(review.product.id).toBe(product);
    expect(codeOf(await client.writeReview(order.id, product, 1, 'again'))).toBe('CONFLICT');

    const seen = dataOf(await stranger.productReviews(product)).product;
    expect(seen.rating).toEqual({ average: 4, count: 1 });
    expect(seen.reviews.map((r) => [r.id, r.rating, r.body])).toEqual([
      [review.id, 4, '빠른 배송, 좋아요'],
    ]);
  }, 120_000);

  it('numbers every event of an order with a strictly increasing sequence', async () => {
    const product = await catalog.take({ price: 9_000, available: 10 });
    const { order } = await paidOrder(stack, [{ productId: product, quantity: 1 }]);
    dataOf(await admin.startPreparingOrder(order.id));
    const shipped = dataOf(await admin.shipOrder(order.id, { carrier: 'HANJIN' })).shipOrder;
    await carrierSandbox.sendEvent(shipped.shipment!.trackingNumber, 'IN_TRANSIT');
    await carrierSandbox.sendEvent(shipped.shipment!.trackingNumber, 'DELIVERED');
    const wanted = [
      'orders.order.statusChanged',
      'orders.order.shipped',
      'orders.delivery.updated',
      'orders.order.delivered',
    ];
    const events = await waitFor(
      'the order events at the data platform',
      async () => {
        const found = (await dataPlatform.list())
          .map(
            (delivery) =>
              delivery.event as { id: string; type: string; payload: Record<string, unknown> },
          )
          .filter((event) => wanted.includes(event.type) && event.payload['orderId'] === order.id);
        const unique = [...new Map(found.map((e) => [e.id, e])).values()];
        return unique.length >= 8 ? unique : undefined;
      },
      { timeoutMs: 20_000 },
    );
    const sequenced = events
      .sort((a, b) => Number(a.payload['sequence']) - Number(b.payload['sequence']))
      .map((e) => [e.payload['sequence'], e.type, e.payload['to'] ?? e.payload['status'] ?? '']);
    expect(sequenced).toEqual([
      [1, 'orders.order.statusChanged', 'PAID'],
      [2, 'orders.order.statusChanged', 'PREPARING'],
      [3, 'orders.order.statusChanged', 'SHIPPED'],
      [4, 'orders.order.shipped', ''],
      [5, 'orders.delivery.updated', 'IN_TRANSIT'],
      [6, 'orders.order.statusChanged', 'DELIVERED'],
      [7, 'orders.delivery.updated', 'DELIVERED'],
      [8, 'orders.order.delivered', ''],
    ]);
  }, 120_000);

  it('lets staff find any order by number, buyer, status or dates, and nobody else', async () => {
    const product = await catalog.take({ price: 5_000, available: 10 });
    const { buyer, order } = await paidOrder(stack, [{ productId: product, quantity: 1 }]);
    const query = `query ($filter: OrderFilter) { orders(filter: $filter) { totalCount edges { node { id } } } }`;
    const agentToken = (await createSignedInUser(stack, { roles: ['AGENT'] })).accessToken;
    const byNumber = await stack.query<{
      orders: { totalCount: number; edges: Array<{ node: { id: string } }> };
    }>(query, { filter: { number: order.number } }, { token: agentToken });
    expect(dataOf(byNumber).orders.edges.map((e) => e.node.id)).toEqual([order.id]);
    const byBuyer = await stack.query<{ orders: { totalCount: number } }>(
      query,
      {
        filter: {
          buyerId: buyer.id,
          status: ['PAID'],
          createdFrom: new Date(Date.now() - 60_000).toISOString(),
        },
      },
      { token: agentToken },
    );
    expect(dataOf(byBuyer).orders.totalCount).toBe(1);
    const refused = await stack.query(query, { filter: {} }, { token: buyer.accessToken });
    expect(codeOf(refused)).toBe('FORBIDDEN');
  }, 60_000);
});
