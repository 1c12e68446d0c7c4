import { findFreePort, type RunningProcess } from '@shop/infra';
import { WebhookReceiver, waitFor } from '@shop/testing';
import { createSignedInUser, startStack, type Stack } from '../src';
import { CartCatalog } from './cart-fixtures';
import { customer, dataOf, placeOrder } from './checkout-fixtures';
import { killed, startOrdersProcess } from './orders-process';
import { settledDelivery, verified, webhookClient } from './webhook-fixtures';

// The webhook worker runs in the orders process. Here that process is a child behind the
// stack's gateway; it is killed with SIGKILL while a partner holds a delivery's request open,
// and started again on the same database, queue prefix and port.
describe('a webhook delivery survives the orders process being killed mid-request', () => {
  let stack: Stack;
  let receiver: WebhookReceiver;
  let running: RunningProcess | undefined;
  let port: number;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    port = await findFreePort();
    stack = await startStack(
      {
        WEBHOOK_TIMEOUT_MS: '3000',
        WEBHOOK_SWEEP_INTERVAL_MS: '500',
        WEBHOOK_RETRY_SCHEDULE_MS: '0,300,300,300',
      },
      { external: { orders: port } },
    );
  });
  afterAll(async () => {
    await running?.stop(2_000);
    await stack.stop();
    await receiver.stop();
  });

  it('the paid order event is delivered after restart, and the log shows the interrupted attempt', async () => {
    running = (await startOrdersProcess(stack, port)).child;
    const catalog = await CartCatalog.seed(stack, 2);
    const partner = await createSignedInUser(stack, { roles: ['PARTNER'] });
    const hooks = webhookClient(stack, partner.accessToken);
    // The first request hangs (the process dies while it is open); later ones succeed.
    const url = receiver.endpoint('crash', (n) => (n === 0 ? 'hang' : { status: 200 }));
    const { secret, subscription } = dataOf(
      await hooks.create(url, ['ORDER_PAID']),
    ).createWebhookSubscription;
    const buyer = await customer(stack, 50_000);
    const order = await placeOrder(buyer.checkout, await catalog.take({ price: 10_000 }), 1);
    dataOf(await buyer.checkout.payOrder(order.id, { method: 'BALANCE' }));
    await waitFor('the first request to be open', async () => receiver.received('crash')[0]);

    await killed(running);
    running = (await startOrdersProcess(stack, port)).child;

    const delivery = await settledDelivery(hooks, subscription.id, 40_000);
    expect(delivery.status).toBe('SUCCEEDED');
    expect(delivery.attempts.map((a) => [a.responseStatus, a.error])).toEqual([
      [null, 'interrupted: the sending process stopped during the attempt'],
      [200, null],
    ]);
    const hits = receiver.received('crash');
    expect(hits.length).toBeGreaterThanOrEqual(2);
    expect(new Set(hits.map((hit) => hit.headers['webhook-id']))).toEqual(
      new Set([delivery.messageId]),
    );
    expect(verified(secret, hits[1]!).data).toMatchObject({ orderId: order.id, status: 'PAID' });
    const log = dataOf(await hooks.deliveries(subscription.id)).webhookDeliveries;
    expect(log).toHaveLength(1);
  }, 120_000);
});
