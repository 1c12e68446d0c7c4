import type { Connection } from 'mongoose';
import { balanceEntryModel, balanceModel } from './balance/balance.model';
import { couponCampaignModel } from './coupon/coupon-campaign.model';
import { couponModel } from './coupon/coupon.model';
import { idempotencyKeyModel } from './idempotency/idempotency-key.model';
import { orderNumberCounterModel } from './order/order-number';
import { carrierEventModel } from './carrier/carrier-event.model';
import { orderModel } from './order/order.model';
import { webhookDeliveryModel } from './partner-webhook/webhook-delivery.model';
import {
  webhookOwnerModel,
  webhookSubscriptionModel,
} from './partner-webhook/webhook-subscription.model';
import { reviewModel } from './review/review.model';

/**
 * The orders subgraph's collections: orders (each with its outbox), the daily order number
 * counters, balances and their ledger, the clients' idempotency keys, coupon campaigns with
 * their claimed coupons (each coupon with its outbox), partner webhook subscriptions and their
 * delivery log, the carrier's events and the reviews (each with its outbox).
 */
export function ordersModels(connection: Connection) {
  return {
    orders: orderModel(connection),
    orderNumbers: orderNumberCounterModel(connection),
    balances: balanceModel(connection),
    balanceEntries: balanceEntryModel(connection),
    idempotencyKeys: idempotencyKeyModel(connection),
    couponCampaigns: couponCampaignModel(connection),
    coupons: couponModel(connection),
    // Partner webhooks: subscriptions, their per-owner count, the delivery log.
    webhookSubscriptions: webhookSubscriptionModel(connection),
    webhookOwners: webhookOwnerModel(connection),
    webhookDeliveries: webhookDeliveryModel(connection),
    carrierEvents: carrierEventModel(connection),
    reviews: reviewModel(connection),
  };
}

export type OrdersModels = ReturnType<typeof ordersModels>;
