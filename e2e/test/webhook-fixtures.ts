import { Webhook } from 'standardwebhooks';
import type { ReceivedWebhook } from '@shop/testing';
import { waitFor } from '@shop/testing';
import type { Stack } from '../src';
import { dataOf } from './checkout-fixtures';

export const SUBSCRIPTION_FIELDS = 'id url events status disabledReason createdAt';
export const DELIVERY_FIELDS =
  'id event messageId status payload nextAttemptAt attempts { at responseStatus error durationMs }';

export interface SubscriptionView {
  id: string;
  url: string;
  events: string[];
  status: 'ACTIVE' | 'DISABLED';
  disabledReason: string | null;
}

export interface DeliveryView {
  id: string;
  event: string;
  messageId: string;
  status: 'PENDING' | 'SUCCEEDED' | 'FAILED';
  payload: string;
  attempts: Array<{ responseStatus: number | null; error: string | null; durationMs: number }>;
}

/** The partner webhook operations of the public contract, as one caller. */
export function webhookClient(stack: Stack, token?: string) {
  const run = <T>(query: string, variables: Record<string, unknown> = {}) =>
    stack.query<T>(query, variables, token ? { token } : {});
  return {
    create: (url: string, events: string[]) =>
      run<{ createWebhookSubscription: { secret: string; subscription: SubscriptionView } }>(
        `mutation ($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { secret subscription { ${SUBSCRIPTION_FIELDS} } } }`,
        { input: { url, events } },
      ),
    list: () =>
      run<{ webhookSubscriptions: SubscriptionView[] }>(
        `{ webhookSubscriptions { ${SUBSCRIPTION_FIELDS} } }`,
      ),
    deliveries: (subscriptionId: string, first = 20) =>
      run<{ webhookDeliveries: DeliveryView[] }>(
        `query ($id: ID!, $first: Int) { webhookDeliveries(subscriptionId: $id, first: $first) { ${DELIVERY_FIELDS} } }`,
        { id: subscriptionId, first },
      ),
    rotate: (id: string) =>
      run<{ rotateWebhookSecret: { secret: string } }>(
        `mutation ($id: ID!) { rotateWebhookSecret(id: $id) { secret subscription { id } } }`,
        { id },
      ),
    enable: (id: string) =>
      run<{ enableWebhookSubscription: SubscriptionView }>(
        `mutation ($id: ID!) { enableWebhookSubscription(id: $id) { ${SUBSCRIPTION_FIELDS} } }`,
        { id },
      ),
    remove: (id: string) =>
      run<{ deleteWebhookSubscription: boolean }>(
        `mutation ($id: ID!) { deleteWebhookSubscription(id: $id) }`,
        { id },
      ),
    sendTest: (subscriptionId: string) =>
      run<{ sendTestWebhook: DeliveryView }>(
        `mutation ($id: ID!) { sendTestWebhook(subscriptionId: $id) { ${DELIVERY_FIELDS} } }`,
        { id: subscriptionId },
      ),
    replay: (deliveryId: string) =>
      run<{ replayWebhookDelivery: DeliveryView }>(
        `mutation ($id: ID!) { replayWebhookDelivery(deliveryId: $id) { ${DELIVERY_FIELDS} } }`,
        { id: deliveryId },
      ),
  };
}

export type WebhookClient = ReturnType<typeof webhookClient>;

/** Waits until the subscription's newest delivery is no longer PENDING. */
export async function settledDelivery(
  client: WebhookClient,
  subscriptionId: string,
  timeoutMs = 20_000,
): Promise<DeliveryView> {
  return waitFor(
    `a settled delivery of ${subscriptionId}`,
    async () => {
      const delivery = dataOf(await client.deliveries(subscriptionId)).webhookDeliveries[0];
      return delivery && delivery.status !== 'PENDING' ? delivery : undefined;
    },
    { timeoutMs },
  );
}

/** The body of a received webhook, after the standardwebhooks package verified it. */
export function verified(secret: string, hit: ReceivedWebhook) {
  return new Webhook(secret).verify(hit.body, hit.headers) as {
    type: string;
    timestamp: string;
    data: Record<string, unknown>;
  };
}
