import { WebhookReceiver, carrierSandbox, mailSink, waitFor } from '@shop/testing';
import { createSignedInUser, errorCodes, startStack, type Stack, type TestUser } from '../src';
import { CartCatalog } from './cart-fixtures';
import { customer, dataOf, placeOrder } from './checkout-fixtures';
import { fulfilmentClient, paidOrder } from './fulfilment-fixtures';
import { settledDelivery, verified, webhookClient, type WebhookClient } from './webhook-fixtures';

/**
 * Partner webhooks through the gateway: subscriptions made by a partner, order events of the
 * checkout flow delivered to a receiver started here, signatures checked with the
 * standardwebhooks package, retries, 410, redirects, a hanging partner, replay, rotation, and
 * an order shipped and delivered through the carrier sandbox.
 * The retry schedule is shortened (0, 300 ms, 300 ms, 300 ms) and attempts time out at 3 s.
 */
describe('partner webhooks', () => {
  let stack: Stack;
  let catalog: CartCatalog;
  let receiver: WebhookReceiver;
  let partner: TestUser;
  let hooks: WebhookClient;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    stack = await startStack(
      { WEBHOOK_RETRY_SCHEDULE_MS: '0,300,300,300', WEBHOOK_TIMEOUT_MS: '3000' },
      { workers: true },
    );
    catalog = await CartCatalog.seed(stack, 10);
    partner = await createSignedInUser(stack, { roles: ['PARTNER'], name: 'Partner' });
    hooks = webhookClient(stack, partner.accessToken);
  });
  afterAll(async () => {
    await stack.stop();
    await receiver.stop();
  });

  async function subscribe(
    name: string,
    events: string[],
    script?: Parameters<WebhookReceiver['endpoint']>[1],
    client: WebhookClient = hooks,
  ) {
    return dataOf(await client.create(receiver.endpoint(name, script), events))
      .createWebhookSubscription;
  }

  it('other roles are FORBIDDEN and another partner gets NOT_FOUND, through the gateway', async () => {
    const { subscription } = await subscribe('roles', ['ORDER_PAID']);
    const buyer = await createSignedInUser(stack);
    expect(
      errorCodes(
        await webhookClient(stack, buyer.accessToken).create(receiver.endpoint('x'), [
          'ORDER_PAID',
        ]),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(errorCodes(await webhookClient(stack).list())).toEqual(['UNAUTHENTICATED']);
    const stranger = webhookClient(
      stack,
      (await createSignedInUser(stack, { roles: ['PARTNER'] })).accessToken,
    );
    expect(errorCodes(await stranger.deliveries(subscription.id))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await stranger.remove(subscription.id))).toEqual(['NOT_FOUND']);
    expect(dataOf(await stranger.list()).webhookSubscriptions).toEqual([]);
  });

  it('a paid and a cancelled order of the checkout flow arrive signed, with their sequence and no personal data', async () => {
    const sub = await subscribe('orders', ['ORDER_PAID', 'ORDER_CANCELLED']);
    const cancelledOnly = await subscribe('cancelled-only', ['ORDER_CANCELLED']);
    const buyer = await customer(stack, 100_000);
    const paid = await placeOrder(buyer.checkout, await catalog.take({ price: 10_000 }), 1);
    dataOf(await buyer.checkout.payOrder(paid.id, { method: 'BALANCE' }));
    const cancelled = await placeOrder(buyer.checkout, await catalog.take({ price: 5_000 }), 1);
    dataOf(await buyer.checkout.cancelOrder(cancelled.id, 'changed my mind'));
    const got = await waitFor('two deliveries', async () => {
      const hits = receiver.received('orders');
      return hits.length >= 2 ? hits : undefined;
    });
    const bodies = got
      .map((hit) => verified(sub.secret, hit))
      .sort((a, b) => a.type.localeCompare(b.type));
    expect(bodies.map((b) => b.data)).toEqual([
      // Each order's first event that carries a sequence (the order's creation does not).
      { orderId: cancelled.id, orderNumber: cancelled.number, status: 'CANCELLED', sequence: 1 },
      { orderId: paid.id, orderNumber: paid.number, status: 'PAID', sequence: 1 },
    ]);
    expect(bodies.map((b) => b.type)).toEqual(['order.cancelled', 'order.paid']);
    for (const hit of got)
      expect(hit.body).not.toMatch(/김민지|010-1234|테헤란로|@example\.test|buyer/);
    await waitFor('the cancelled-only subscription to get its one delivery', async () =>
      receiver.received('cancelled-only').length === 1 ? true : undefined,
    );
    expect(verified(cancelledOnly.secret, receiver.received('cancelled-only')[0]!).type).toBe(
      'order.cancelled',
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.received('orders')).toHaveLength(2);
    expect(receiver.received('cancelled-only')).toHaveLength(1);
  });

  it('500 three times then 200: the same webhook-id, four attempts in the log', async () => {
    const sub = await subscribe('flaky', ['ORDER_PAID'], (n) => ({ status: n < 3 ? 500 : 200 }));
    dataOf(await hooks.sendTest(sub.subscription.id));
    const delivery = await settledDelivery(hooks, sub.subscription.id);
    expect(delivery.status).toBe('SUCCEEDED');
    expect(delivery.attempts.map((a) => [a.responseStatus, a.error])).toEqual([
      [500, 'answered 500'],
      [500, 'answered 500'],
      [500, 'answered 500'],
      [200, null],
    ]);
    const hits = receiver.received('flaky');
    expect(hits.map((hit) => hit.headers['webhook-id'])).toEqual(Array(4).fill(delivery.messageId));
    for (const hit of hits) expect(verified(sub.secret, hit).type).toBe('webhook.test');
  });

  it('410 Gone disables the subscription at once and mails the partner', async () => {
    const sub = await subscribe('gone', ['ORDER_PAID'], () => ({ status: 410 }));
    dataOf(await hooks.sendTest(sub.subscription.id));
    const delivery = await settledDelivery(hooks, sub.subscription.id);
    expect(delivery.status).toBe('FAILED');
    expect(delivery.attempts.map((a) => a.responseStatus)).toEqual([410]);
    const listed = dataOf(await hooks.list()).webhookSubscriptions.find(
      (s) => s.id === sub.subscription.id,
    );
    expect(listed).toMatchObject({
      status: 'DISABLED',
      disabledReason: 'The endpoint answered 410 Gone',
    });
    const mail = await waitFor('the disabled mail', async () =>
      (await mailSink.list()).find((m) => m.to.includes(partner.email) && m.text.includes('/gone')),
    );
    expect(mail.text).toContain('410 Gone');
    // Disabled: a new event is not delivered; enabling turns it back on.
    dataOf(await hooks.sendTest(sub.subscription.id));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.received('gone')).toHaveLength(1);
    expect(dataOf(await hooks.enable(sub.subscription.id)).enableWebhookSubscription.status).toBe(
      'ACTIVE',
    );
  });

  it('a 302 is a failure and its target is never called', async () => {
    const target = receiver.endpoint('redirect-target');
    const sub = await subscribe('redirect', ['ORDER_PAID'], () => ({
      status: 302,
      location: target,
    }));
    dataOf(await hooks.sendTest(sub.subscription.id));
    const delivery = await settledDelivery(hooks, sub.subscription.id);
    expect(delivery.status).toBe('FAILED');
    expect(delivery.attempts.map((a) => [a.responseStatus, a.error])).toEqual(
      Array(4).fill([302, 'redirect 302 not followed']),
    );
    expect(receiver.received('redirect-target')).toHaveLength(0);
  });

  it('a partner that hangs does not delay another subscription', async () => {
    const hanging = await subscribe('hanging', ['ORDER_PAID'], () => 'hang');
    const quick = await subscribe('quick', ['ORDER_PAID']);
    for (let i = 0; i < 6; i += 1) dataOf(await hooks.sendTest(hanging.subscription.id));
    await waitFor('the hanging partner to hold its requests', async () =>
      receiver.received('hanging').length >= 2 ? true : undefined,
    );
    const started = Date.now();
    dataOf(await hooks.sendTest(quick.subscription.id));
    await waitFor('the quick partner to get its delivery', async () =>
      receiver.received('quick').length === 1 ? true : undefined,
    );
    expect(Date.now() - started).toBeLessThan(1_500);
    // Per-subscription concurrency: the hanging partner never holds more than 2 requests.
    expect(receiver.received('hanging').length).toBeLessThanOrEqual(2);
    // The 3 s timeout (10 s by default) cuts the hanging requests and logs them as failures.
    const cut = await waitFor('a timed-out attempt in the log', async () => {
      const log = dataOf(await hooks.deliveries(hanging.subscription.id)).webhookDeliveries;
      return log.flatMap((delivery) => delivery.attempts).find((attempt) => attempt.error);
    });
    expect(cut).toMatchObject({ responseStatus: null, error: 'timed out after 3000 ms' });
    expect(cut.durationMs).toBeGreaterThanOrEqual(3_000);
  });

  it('replay sends the delivery again with the same webhook-id', async () => {
    const sub = await subscribe('replay', ['ORDER_PAID']);
    dataOf(await hooks.sendTest(sub.subscription.id));
    const first = await settledDelivery(hooks, sub.subscription.id);
    const replayed = dataOf(await hooks.replay(first.id)).replayWebhookDelivery;
    expect(replayed.status).toBe('PENDING');
    await waitFor('the replay', async () =>
      receiver.received('replay').length === 2 ? true : undefined,
    );
    const hits = receiver.received('replay');
    expect(hits.map((hit) => hit.headers['webhook-id'])).toEqual([
      first.messageId,
      first.messageId,
    ]);
    expect(hits[1]?.body).toBe(hits[0]?.body);
    const after = await settledDelivery(hooks, sub.subscription.id);
    expect(after.attempts.map((a) => a.responseStatus)).toEqual([200, 200]);
    const stranger = webhookClient(
      stack,
      (await createSignedInUser(stack, { roles: ['PARTNER'] })).accessToken,
    );
    expect(errorCodes(await stranger.replay(first.id))).toEqual(['NOT_FOUND']);
  });

  it('after a rotation both secrets sign for the overlap, and each signature verifies', async () => {
    const sub = await subscribe('rotation', ['ORDER_PAID']);
    const rotated = dataOf(await hooks.rotate(sub.subscription.id)).rotateWebhookSecret.secret;
    expect(rotated).not.toBe(sub.secret);
    dataOf(await hooks.sendTest(sub.subscription.id));
    const hit = await waitFor('the signed test', async () => receiver.received('rotation')[0]);
    expect(hit.headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(verified(sub.secret, hit).type).toBe('webhook.test');
    expect(verified(rotated, hit).type).toBe('webhook.test');
  });

  it('an order paid, shipped and delivered through the carrier sandbox arrives signed, in sequence', async () => {
    // A partner of its own: the one above already holds the most subscriptions allowed.
    const logistics = webhookClient(
      stack,
      (await createSignedInUser(stack, { roles: ['PARTNER'] })).accessToken,
    );
    const sub = await subscribe(
      'fulfilment',
      ['ORDER_PAID', 'ORDER_SHIPPED', 'DELIVERY_UPDATED', 'ORDER_DELIVERED'],
      undefined,
      logistics,
    );
    await carrierSandbox.configure(
      `${new URL(stack.subgraphs.orders.url).origin}/webhooks/carrier`,
    );
    const admin = fulfilmentClient(
      stack,
      (await createSignedInUser(stack, { roles: ['ADMIN'] })).accessToken,
    );
    const product = await catalog.take({ price: 8_000 });
    const { order } = await paidOrder(stack, [{ productId: product, quantity: 1 }]);
    dataOf(await admin.startPreparingOrder(order.id));
    const shipment = dataOf(await admin.shipOrder(order.id, { carrier: 'CJ' })).shipOrder.shipment!;
    for (const status of ['IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED'] as const)
      expect(
        (await carrierSandbox.sendEvent(shipment.trackingNumber, status)).response?.status,
      ).toBe(200);

    const got = await waitFor('paid, shipped, three scans and delivered', async () => {
      const hits = receiver.received('fulfilment');
      return hits.length >= 6 ? hits : undefined;
    });
    const bodies = got
      .map((hit) => verified(sub.secret, hit))
      .sort((a, b) => Number(a.data['sequence']) - Number(b.data['sequence']));
    expect(bodies.map((body) => [body.type, body.data['status']])).toEqual([
      ['order.paid', 'PAID'],
      ['order.shipped', 'SHIPPED'],
      ['delivery.updated', 'IN_TRANSIT'],
      ['delivery.updated', 'OUT_FOR_DELIVERY'],
      ['delivery.updated', 'DELIVERED'],
      ['order.delivered', 'DELIVERED'],
    ]);
    const sequences = bodies.map((body) => body.data['sequence']);
    expect(new Set(sequences).size).toBe(6);
    expect(bodies.every((body) => body.data['orderId'] === order.id)).toBe(true);
    expect(bodies[1]?.data).toMatchObject({
      carrier: 'CJ',
      trackingNumber: shipment.trackingNumber,
      estimatedDeliveryAt: shipment.estimatedDeliveryAt,
    });
    // Ids, numbers, parcel and dates only: nothing that names or locates the buyer.
    expect(JSON.stringify(bodies)).not.toMatch(/recipient|phone|postalCode|email|line1|buyer/i);
    expect(new Set(got.map((hit) => hit.headers['webhook-id'])).size).toBe(6);
  });
});
