import { Types } from 'mongoose';
import { Webhook } from 'standardwebhooks';
import { deliveryUpdated, orderDelivered, orderShipped } from '@shop/contracts';
import type { DomainEvent } from '@shop/events';
import { errorCodesOf, testIdentity } from '@shop/subgraph-testing';
import { WebhookReceiver, waitFor } from '@shop/testing';
import { orderDocument } from './support/order-builder';
import { startOrders, type OrdersUnderTest } from './support/orders-under-test';

const CREATE = `mutation ($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) { secret subscription { id url events status } } }`;
const DELIVERIES = `query ($id: ID!, $first: Int, $after: String) {
  webhookDeliveries(subscriptionId: $id, first: $first, after: $after) {
    id event messageId status payload attempts { at responseStatus error durationMs } } }`;

interface Created {
  createWebhookSubscription: { secret: string; subscription: { id: string; status: string } };
}

describe('partner webhooks in the orders subgraph', () => {
  let orders: OrdersUnderTest;
  let receiver: WebhookReceiver;
  const partner = testIdentity('PARTNER');

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    orders = await startOrders({
      ORDERS_BACKGROUND_TASKS: 'on',
      OUTBOX_RELAY_INTERVAL_MS: '50',
      WEBHOOK_RETRY_SCHEDULE_MS: '0,100,100,100',
      WEBHOOK_SWEEP_INTERVAL_MS: '500',
    });
  });
  afterAll(async () => {
    await orders.stop();
    await receiver.stop();
  });

  async function subscribe(url: string, events: string[], who = partner) {
    const result = await orders.call<Created>(CREATE, { input: { url, events } }, who);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.createWebhookSubscription;
  }

  it('only PARTNER and ADMIN manage subscriptions; another partner gets NOT_FOUND', async () => {
    const url = receiver.endpoint('auth');
    const input = { url, events: ['ORDER_PAID'] };
    for (const role of ['CUSTOMER', 'AGENT', 'SELLER'] as const) {
      const refused = await orders.call(CREATE, { input }, testIdentity(role));
      expect(errorCodesOf(refused)).toEqual(['FORBIDDEN']);
    }
    expect(errorCodesOf(await orders.call(CREATE, { input }, null))).toEqual(['UNAUTHENTICATED']);
    const own = await subscribe(url, ['ORDER_PAID']);
    expect(own.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const stranger = testIdentity('PARTNER');
    const id = own.subscription.id;
    for (const op of [
      `mutation { deleteWebhookSubscription(id: "${id}") }`,
      `mutation { enableWebhookSubscription(id: "${id}") { id } }`,
      `mutation { rotateWebhookSecret(id: "${id}") { secret } }`,
      `mutation { sendTestWebhook(subscriptionId: "${id}") { id } }`,
      `{ webhookDeliveries(subscriptionId: "${id}") { id } }`,
    ]) {
      expect(errorCodesOf(await orders.call(op, {}, stranger))).toEqual(['NOT_FOUND']);
    }
    const list = `{ webhookSubscriptions { id } }`;
    const mine = await orders.call<{ webhookSubscriptions: unknown[] }>(list, {}, stranger);
    expect(mine.data?.webhookSubscriptions).toEqual([]);
    const all = await orders.call<{ webhookSubscriptions: Array<{ id: string }> }>(
      list,
      {},
      testIdentity('ADMIN'),
    );
    expect(all.data?.webhookSubscriptions.map((s) => s.id)).toContain(id);
    const stored = await orders.subgraph.models.webhookSubscriptions.findById(id).lean();
    expect(JSON.stringify(stored)).not.toContain(own.secret.slice(6));
  });

  it('refuses bad input and an 11th subscription, changing nothing', async () => {
    const owner = testIdentity('PARTNER');
    const url = receiver.endpoint('cap');
    const bad = [
      { url, events: [] },
      { url: 'ftp://example.com/x', events: ['ORDER_PAID'] },
      { url, events: ['ORDER_PAID', 'ORDER_PAID'] },
      { url: 'not a url', events: ['ORDER_PAID'] },
    ];
    for (const input of bad) {
      expect(errorCodesOf(await orders.call(CREATE, { input }, owner))).toEqual(['BAD_USER_INPUT']);
    }
    await Promise.all(
      Array.from({ length: 12 }, () =>
        orders.call(CREATE, { input: { url, events: ['ORDER_PAID'] } }, owner),
      ),
    );
    const count = await orders.subgraph.models.webhookSubscriptions.countDocuments({
      ownerId: owner.userId,
    });
    expect(count).toBe(10);
    const eleventh = await orders.call(CREATE, { input: { url, events: ['ORDER_PAID'] } }, owner);
    expect(errorCodesOf(eleventh)).toEqual(['CONFLICT']);
    const deleted = await orders.subgraph.models.webhookSubscriptions
      .findOne({ ownerId: owner.userId })
      .lean();
    await orders.call(
      `mutation { deleteWebhookSubscription(id: "${String(deleted?._id)}") }`,
      {},
      owner,
    );
    const again = await orders.call(CREATE, { input: { url, events: ['ORDER_PAID'] } }, owner);
    expect(again.errors).toBeUndefined();
  });

  it('fans shipped, delivery-updated and delivered events out once each, signed and in sequence', async () => {
    const { secret } = await subscribe(receiver.endpoint('fulfilment'), [
      'ORDER_SHIPPED',
      'DELIVERY_UPDATED',
      'ORDER_DELIVERED',
    ]);
    const other = await subscribe(receiver.endpoint('paid-only'), ['ORDER_PAID']);
    const order = orderDocument({ status: 'SHIPPED' });
    await orders.subgraph.models.orders.create(order);
    const ref = { orderId: order._id.toHexString(), number: order.number, buyerId: order.buyerId };
    const parcel = { carrier: 'CJ' as const, trackingNumber: '6543210987' };
    const events: DomainEvent[] = [
      orderShipped.create({
        ...ref,
        ...parcel,
        sequence: 3,
        trackingUrl: 'https://carrier.test/t/6543210987',
        estimatedDeliveryAt: '2026-11-26T00:00:00.000Z',
        shippedAt: '2026-11-24T00:00:00.000Z',
      }),
      deliveryUpdated.create({
        ...ref,
        ...parcel,
        sequence: 4,
        status: 'OUT_FOR_DELIVERY',
        occurredAt: '2026-11-25T01:00:00.000Z',
      }),
      orderDelivered.create({
        ...ref,
        ...parcel,
        sequence: 5,
        deliveredAt: '2026-11-25T05:00:00.000Z',
      }),
    ];
    await orders.subgraph.models.orders.updateOne(
      { _id: order._id },
      { $push: { outbox: { $each: events } } },
    );
    const got = await waitFor('three deliveries', async () => {
      const received = receiver.received('fulfilment');
      return received.length >= 3 ? received : undefined;
    });
    const bodies = got.map(
      (hit) =>
        new Webhook(secret).verify(hit.body, hit.headers) as {
          type: string;
          data: Record<string, unknown>;
        },
    );
    const bySequence = [...bodies].sort(
      (a, b) => Number(a.data['sequence']) - Number(b.data['sequence']),
    );
    expect(bySequence.map((b) => [b.type, b.data['sequence'], b.data['status']])).toEqual([
      ['order.shipped', 3, 'SHIPPED'],
      ['delivery.updated', 4, 'OUT_FOR_DELIVERY'],
      ['order.delivered', 5, 'DELIVERED'],
    ]);
    expect(bySequence[0]?.data).toEqual({
      orderId: ref.orderId,
      orderNumber: order.number,
      status: 'SHIPPED',
      carrier: 'CJ',
      trackingNumber: '6543210987',
      estimatedDeliveryAt: '2026-11-26T00:00:00.000Z',
      sequence: 3,
    });
    for (const hit of got) {
      expect(hit.body).not.toMatch(/김민지|010-1234|테헤란로|buyer@example|buyerId/);
    }
    // Redelivered events make no second delivery and no second request.
    for (const event of events) await orders.subgraph.services.webhooks.fanout.handle(event);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.received('fulfilment')).toHaveLength(3);
    expect(
      await orders.subgraph.models.webhookDeliveries.countDocuments({ orderId: ref.orderId }),
    ).toBe(3);
    expect(receiver.received('paid-only')).toHaveLength(0);
    expect(other.subscription.status).toBe('ACTIVE');
  });

  it('retries 500s with the same webhook-id, logs each attempt, and ends FAILED after the schedule', async () => {
    const flaky = await subscribe(
      receiver.endpoint('flaky', (n) => ({ status: n < 3 ? 500 : 200 })),
      ['ORDER_PAID'],
    );
    const dead = await subscribe(
      receiver.endpoint('dead', () => ({ status: 503 })),
      ['ORDER_PAID'],
    );
    for (const s of [flaky, dead]) {
      await orders.call(
        `mutation { sendTestWebhook(subscriptionId: "${s.subscription.id}") { id } }`,
        {},
        partner,
      );
    }
    type Page = {
      webhookDeliveries: Array<{
        messageId: string;
        status: string;
        attempts: Array<{ responseStatus: number }>;
      }>;
    };
    const settled = async (id: string) =>
      waitFor(`the delivery of ${id} to settle`, async () => {
        const page = await orders.call<Page>(DELIVERIES, { id }, partner);
        const delivery = page.data?.webhookDeliveries[0];
        return delivery && delivery.status !== 'PENDING' ? delivery : undefined;
      });
    const ok = await settled(flaky.subscription.id);
    expect(ok.status).toBe('SUCCEEDED');
    expect(ok.attempts.map((a) => a.responseStatus)).toEqual([500, 500, 500, 200]);
    expect(new Set(receiver.received('flaky').map((hit) => hit.headers['webhook-id']))).toEqual(
      new Set([ok.messageId]),
    );
    const failed = await settled(dead.subscription.id);
    expect(failed.status).toBe('FAILED');
    expect(failed.attempts).toHaveLength(4);
    expect(receiver.received('dead')).toHaveLength(4);
  });

  it('a subscription failing for longer than the limit is disabled with a reason', async () => {
    const failing = await subscribe(
      receiver.endpoint('failing', () => ({ status: 500 })),
      ['ORDER_PAID'],
    );
    await orders.subgraph.models.webhookSubscriptions.updateOne(
      { _id: new Types.ObjectId(failing.subscription.id) },
      { $set: { failingSince: new Date(Date.now() - 6 * 86_400_000) } },
    );
    await orders.call(
      `mutation { sendTestWebhook(subscriptionId: "${failing.subscription.id}") { id } }`,
      {},
      partner,
    );
    const disabled = await waitFor('the subscription to be disabled', async () => {
      const s = await orders.subgraph.models.webhookSubscriptions
        .findById(failing.subscription.id)
        .lean();
      return s?.status === 'DISABLED' ? s : undefined;
    });
    expect(disabled.disabledReason).toMatch(/^Every delivery failed since .* \(6 days\)$/);
    const enabled = await orders.call<{ enableWebhookSubscription: { status: string } }>(
      `mutation { enableWebhookSubscription(id: "${failing.subscription.id}") { status } }`,
      {},
      partner,
    );
    expect(enabled.data?.enableWebhookSubscription.status).toBe('ACTIVE');
  });
});
