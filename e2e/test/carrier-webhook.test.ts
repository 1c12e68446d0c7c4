import { createHmac, randomUUID } from 'node:crypto';
import { carrierSandbox } from '@shop/testing';
import { createSignedInUser, startStack, type Stack } from '../src';
import { CartCatalog } from './cart-fixtures';
import { dataOf, storedOrder } from './checkout-fixtures';
import { fulfilmentClient, paidOrder, type FulfilmentClient } from './fulfilment-fixtures';

/**
 * `POST /webhooks/carrier` on the orders service: signed with HMAC-SHA256 of `timestamp.body`,
 * fresh within 300 s, idempotent by event id, forward-only, unknown parcels recorded as 404.
 * Each refusal is checked to change nothing.
 */
describe('the carrier webhook', () => {
  let stack: Stack;
  let catalog: CartCatalog;
  let admin: FulfilmentClient;
  let webhookUrl: string;
  const secret = () => String(process.env['CARRIER_WEBHOOK_SECRET']);

  beforeAll(async () => {
    stack = await startStack();
    catalog = await CartCatalog.seed(stack, 10);
    admin = fulfilmentClient(
      stack,
      (await createSignedInUser(stack, { roles: ['ADMIN'] })).accessToken,
    );
    webhookUrl = `${new URL(stack.subgraphs.orders.url).origin}/webhooks/carrier`;
    await carrierSandbox.configure(webhookUrl);
  }, 120_000);
  afterAll(async () => {
    await stack.stop();
  });

  /** A paid order an ADMIN prepared and shipped; its tracking number. */
  async function shippedOrder() {
    const product = await catalog.take({ price: 10_000, available: 10 });
    const { order } = await paidOrder(stack, [{ productId: product, quantity: 1 }]);
    dataOf(await admin.startPreparingOrder(order.id));
    const shipped = dataOf(await admin.shipOrder(order.id, { carrier: 'LOTTE' })).shipOrder;
    return { orderId: order.id, trackingNumber: shipped.shipment!.trackingNumber };
  }

  /** Posts a webhook the way the carrier does, with a chosen timestamp and signing key. */
  async function post(
    body: string,
    options: { timestamp?: number; key?: string; signature?: string } = {},
  ) {
    const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
    const signature =
      options.signature ??
      createHmac('sha256', options.key ?? secret())
        .update(`${timestamp}.${body}`)
        .digest('hex');
    const response = await fetch(webhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-carrier-timestamp': timestamp,
        'x-carrier-signature': signature,
      },
      body,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  const event = (trackingNumber: string, status: string, eventId = randomUUID()) =>
    JSON.stringify({ eventId, trackingNumber, status, occurredAt: new Date().toISOString() });

  /** What a refusal must leave untouched. */
  async function snapshot(orderId: string) {
    const order = await storedOrder(stack, orderId);
    return { status: order?.status, shipment: order?.shipment, sequence: order?.eventSequence };
  }

  it('refuses a forged signature with 401 and a stale or malformed request with 400, changing nothing', async () => {
    const { orderId, trackingNumber } = await shippedOrder();
    const before = await snapshot(orderId);
    const body = event(trackingNumber, 'DELIVERED');
    expect((await post(body, { key: 'not-the-carrier-secret' })).status).toBe(401);
    expect((await post(body, { signature: '' })).status).toBe(401);
    expect((await post(body, { signature: 'ab'.repeat(32) })).status).toBe(401);
    const stale = await post(body, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(stale).toEqual({
      status: 400,
      body: expect.objectContaining({ code: 'STALE_TIMESTAMP' }),
    });
    expect((await post('{"eventId":')).status).toBe(400);
    expect(
      (await post(JSON.stringify({ eventId: 'x', trackingNumber, status: 'LOST' }))).status,
    ).toBe(400);
    expect(await snapshot(orderId)).toEqual(before);
    const records = stack.subgraphs.orders.subgraph.models.carrierEvents;
    expect(await records.countDocuments({ trackingNumber })).toBe(0);
    // The same event, correctly signed and fresh, is applied.
    expect(await post(body)).toEqual({ status: 200, body: { received: true, outcome: 'APPLIED' } });
    expect((await snapshot(orderId)).status).toBe('DELIVERED');
  }, 60_000);

  it('applies an event sent ten times once', async () => {
    const { orderId, trackingNumber } = await shippedOrder();
    const eventId = randomUUID();
    const answers = [];
    for (let i = 0; i < 10; i += 1) {
      answers.push(await carrierSandbox.sendEvent(trackingNumber, 'IN_TRANSIT', { eventId }));
    }
    expect(answers.map((a) => a.response?.status)).toEqual(Array(10).fill(200));
    expect(answers.map((a) => JSON.parse(String(a.response?.body)).outcome)).toEqual([
      'APPLIED',
      ...Array(9).fill('DUPLICATE'),
    ]);
    const order = await storedOrder(stack, orderId);
    expect(order?.shipment?.events.map((e) => [e.eventId, e.status, e.applied])).toEqual([
      [eventId, 'IN_TRANSIT', true],
    ]);
    // PAID, PREPARING, SHIPPED + shipped, then one delivery update: 5 sequenced events.
    expect(order?.eventSequence).toBe(5);
    const record = await stack.subgraphs.orders.subgraph.models.carrierEvents
      .findById(eventId)
      .lean();
    expect(record).toMatchObject({ outcome: 'APPLIED', received: 10, orderId });
  }, 60_000);

  it('only moves forward: a late IN_TRANSIT after DELIVERED is recorded, not applied', async () => {
    const { orderId, trackingNumber } = await shippedOrder();
    const outcome = async (status: 'IN_TRANSIT' | 'OUT_FOR_DELIVERY' | 'DELIVERED') =>
      JSON.parse(String((await carrierSandbox.sendEvent(trackingNumber, status)).response?.body))
        .outcome;
    expect(await outcome('OUT_FOR_DELIVERY')).toBe('APPLIED');
    expect(await outcome('IN_TRANSIT')).toBe('LATE');
    expect(await outcome('DELIVERED')).toBe('APPLIED');
    expect(await outcome('IN_TRANSIT')).toBe('LATE');
    expect(await outcome('OUT_FOR_DELIVERY')).toBe('LATE');
    const order = await storedOrder(stack, orderId);
    expect(order?.status).toBe('DELIVERED');
    expect(order?.shipment?.lastEvent).toBe('DELIVERED');
    expect(order?.shipment?.events.map((e) => [e.status, e.applied])).toEqual([
      ['OUT_FOR_DELIVERY', true],
      ['IN_TRANSIT', false],
      ['DELIVERED', true],
      ['IN_TRANSIT', false],
      ['OUT_FOR_DELIVERY', false],
    ]);
    expect(order?.history.filter((h) => h.status === 'DELIVERED')).toHaveLength(1);
    // Three status changes and shipped, then updated ×2 and delivered: late ones add nothing.
    expect(order?.eventSequence).toBe(8);
  }, 60_000);

  it('answers 404 for an unknown tracking number and records the event', async () => {
    const trackingNumber = `UNKNOWN${Date.now()}`;
    const sent = await carrierSandbox.sendEvent(trackingNumber, 'DELIVERED', {
      eventId: `evt-${trackingNumber}`,
    });
    expect(sent.response?.status).toBe(404);
    const record = await stack.subgraphs.orders.subgraph.models.carrierEvents
      .findById(`evt-${trackingNumber}`)
      .lean();
    expect(record).toMatchObject({ outcome: 'UNKNOWN_TRACKING', trackingNumber, orderId: null });
    expect(
      await stack.subgraphs.orders.subgraph.models.orders.countDocuments({
        'shipment.trackingNumber': trackingNumber,
      }),
    ).toBe(0);
  }, 60_000);
});
