import type { SubgraphBaseContext } from '@shop/service';
import type { BalanceService } from './balance/balance.service';
import type { CouponServices } from './coupon/coupon-services';
import { createOrderLoaders } from './order/order.loaders';
import type { OrderCancellationService } from './order/order-cancellation.service';
import type { OrderPlacementService } from './order/order-placement.service';
import { OrderQueryService } from './order/order-query.service';
import type { PaymentService } from './payment/payment.service';
import type { PartnerWebhooks } from './partner-webhook/partner-webhooks';
import type { PaidCancellationService } from './fulfilment/paid-cancellation.service';
import { createReviewLoaders } from './review/review.loaders';
import { ReviewService } from './review/review.service';
import type { ShippingService } from './shipping/shipping.service';
import type { OrdersParts } from './services';

export interface OrdersContext extends SubgraphBaseContext {
  /** Per request: reads through this request's loaders. */
  orders: OrderQueryService;
  placement: OrderPlacementService;
  payments: PaymentService;
  cancellation: OrderCancellationService;
  balances: BalanceService;
  coupons: CouponServices;
  /** Partner webhook subscriptions and their delivery log. */
  webhooks: Pick<PartnerWebhooks, 'subscriptions' | 'deliveries'>;
  /** Cancellations of paid orders (and, through it, of unpaid ones). */
  paidCancellation: PaidCancellationService;
  shipping: ShippingService;
  /** Per request: reviews and ratings through this request's loaders. */
  reviews: ReviewService;
}

/** A user as this subgraph knows it: only the key, fields come from the users subgraph. */
export interface UserReference {
  id: string;
}

/** A cart as this subgraph knows it: the key (its owner's user id), for `couponQuotes`. */
export interface CartReference {
  id: string;
}

/** A product as this subgraph knows it: the key; reviews and rating are resolved from it. */
export interface ProductReference {
  id: string;
}

/** Per request: loaders that batch order reads, and the services over them. */
export function createOrdersContext(
  base: SubgraphBaseContext,
  { models, services }: OrdersParts,
): OrdersContext {
  return {
    ...base,
    orders: new OrderQueryService(models.orders, createOrderLoaders(models.orders)),
    placement: services.placement,
    payments: services.payments,
    cancellation: services.cancellation,
    balances: services.balances,
    coupons: services.coupons,
    webhooks: services.webhooks,
    paidCancellation: services.paidCancellation,
    shipping: services.shipping,
    reviews: new ReviewService(models.reviews, models.orders, createReviewLoaders(models.reviews)),
  };
}
