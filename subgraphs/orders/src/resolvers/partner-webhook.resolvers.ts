import type {
  MutationResolvers,
  QueryResolvers,
  WebhookDeliveryResolvers,
  WebhookSubscriptionResolvers,
} from '../__generated__/resolvers-types';

/** Partner webhooks: each resolver hands its arguments to the webhook services. */
export const webhookQuery: Pick<QueryResolvers, 'webhookSubscriptions' | 'webhookDeliveries'> = {
  webhookSubscriptions: (_parent, _args, { webhooks, identity }) =>
    webhooks.subscriptions.list(identity),
  webhookDeliveries: (_parent, { subscriptionId, first, after }, { webhooks, identity }) =>
    webhooks.deliveries.list(identity, subscriptionId, { first, after }),
};

export const webhookMutation: Pick<
  MutationResolvers,
  | 'createWebhookSubscription'
  | 'deleteWebhookSubscription'
  | 'enableWebhookSubscription'
  | 'rotateWebhookSecret'
  | 'replayWebhookDelivery'
  | 'sendTestWebhook'
> = {
  createWebhookSubscription: (_parent, { input }, { webhooks, identity }) =>
    webhooks.subscriptions.create(identity, input),
  deleteWebhookSubscription: (_parent, { id }, { webhooks, identity }) =>
    webhooks.subscriptions.delete(identity, id),
  enableWebhookSubscription: (_parent, { id }, { webhooks, identity }) =>
    webhooks.subscriptions.enable(identity, id),
  rotateWebhookSecret: (_parent, { id }, { webhooks, identity }) =>
    webhooks.subscriptions.rotate(identity, id),
  replayWebhookDelivery: (_parent, { deliveryId }, { webhooks, identity }) =>
    webhooks.deliveries.replay(identity, deliveryId),
  sendTestWebhook: (_parent, { subscriptionId }, { webhooks, identity }) =>
    webhooks.deliveries.sendTest(identity, subscriptionId),
};

export const WebhookSubscription: WebhookSubscriptionResolvers = {
  id: (subscription) => subscription._id.toHexString(),
};

export const WebhookDelivery: WebhookDeliveryResolvers = {
  id: (delivery) => delivery._id.toHexString(),
};
