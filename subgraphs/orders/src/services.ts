import { InternalClient, type SubgraphFoundation, type SubgraphParts } from '@shop/service';
import { BalanceLedger } from './balance/balance-ledger';
import { BalanceService } from './balance/balance.service';
import { CartClient } from './clients/cart.client';
import { ProductsClient } from './clients/products.client';
import { UsersClient } from './clients/users.client';
import type { OrdersConfig } from './config';
import { createCouponServices } from './coupon/coupon-services';
import { crashHook } from './crash-points';
import { IdempotencyService } from './idempotency/idempotency.service';
import type { OrdersModels } from './models';
import { OrderCancellationService } from './order/order-cancellation.service';
import { OrderPlacementService } from './order/order-placement.service';
import { ReservationSteps } from './order/order-reservation';
import { OrderTimeoutScheduler } from './order/order-timeouts';
import { createPartnerWebhooks } from './partner-webhook/partner-webhooks';
import { PaymentRecovery } from './payment/payment-recovery';
import { PaymentRefunds } from './payment/payment-refunds';
import { PaymentSaga } from './payment/payment-saga';
import { PaymentService } from './payment/payment.service';
import { TossCardProvider } from './payment/toss-card.provider';
import { CarrierWebhookService } from './carrier/carrier-webhook.service';
import { PaidCancellationService } from './fulfilment/paid-cancellation.service';
import { RefundSaga } from './refund/refund-saga';
import { ShippingService } from './shipping/shipping.service';

/** How long the PG is watched for a late approval of a card attempt that was given up. */
const LATE_APPROVAL_WATCH_MS = 15 * 60_000;

/** The internal APIs checkout calls, each as the `orders` caller. */
function internalClients(config: OrdersConfig) {
  const client = (baseUrl: string, audience: string) =>
    new InternalClient({ baseUrl, caller: 'orders', audience, secret: config.INTERNAL_API_SECRET });
  return {
    products: new ProductsClient(client(config.PRODUCTS_INTERNAL_URL, 'products')),
    carts: new CartClient(client(config.CART_INTERNAL_URL, 'cart')),
    users: new UsersClient(client(config.USERS_INTERNAL_URL, 'users')),
  };
}

/** The orders subgraph's process-wide services, built once from config, connections and models. */
export function createOrdersServices({
  config,
  runtime,
  models,
}: SubgraphFoundation<OrdersConfig, OrdersModels>) {
  const { products, carts, users } = internalClients(config);
  const logger = runtime.logger;
  const crash = crashHook(config.ORDERS_CRASH_AT, logger);
  const idempotency = new IdempotencyService(models.idempotencyKeys, {
    leaseMs: config.IDEMPOTENCY_LEASE_MS,
    waitMs: config.IDEMPOTENCY_WAIT_MS,
  });
  const ledger = new BalanceLedger(models.balances, models.balanceEntries, config.CART_CURRENCY);
  const coupons = createCouponServices({
    config,
    models,
    redis: runtime.redis,
    products,
    carts,
    logger,
  });
  const stock = new ReservationSteps(models.orders, products, logger, coupons.checkout);
  const card = new TossCardProvider({
    baseUrl: config.PG_BASE_URL,
    secretKey: config.PG_SECRET_KEY,
    timeoutMs: config.PG_TIMEOUT_MS,
  });
  const saga = new PaymentSaga({
    orders: models.orders,
    ledger,
    stock,
    carts,
    card,
    coupons: coupons.checkout,
    refunds: new PaymentRefunds(ledger, card),
    crash,
    logger,
    lateApprovalWatchMs: LATE_APPROVAL_WATCH_MS,
  });
  const timeouts = new OrderTimeoutScheduler(runtime.queues);
  const cancellation = new OrderCancellationService(models.orders, stock);
  const refunds = new RefundSaga({ orders: models.orders, ledger, card, products, crash, logger });
  return {
    timeouts,
    coupons,
    placement: new OrderPlacementService({
      orders: models.orders,
      counters: models.orderNumbers,
      idempotency,
      products,
      carts,
      users,
      timeouts,
      coupons: coupons.checkout,
      rules: {
        currency: config.CART_CURRENCY,
        shippingFee: config.SHIPPING_FEE,
        freeShippingThreshold: config.FREE_SHIPPING_THRESHOLD,
      },
      paymentWindowSeconds: config.ORDER_PAYMENT_WINDOW_SECONDS,
      crash,
      logger,
    }),
    payments: new PaymentService(models.orders, saga, idempotency),
    cancellation,
    ...fulfilmentServices({ config, models, products, cancellation, refunds, logger }),
    balances: new BalanceService(ledger, idempotency, {
      currency: config.CART_CURRENCY,
      production: config.NODE_ENV === 'production',
    }),
    ledger,
    recovery: new PaymentRecovery({
      orders: models.orders,
      keys: models.idempotencyKeys,
      saga,
      stock,
      products,
      card,
      logger,
      staleAfterMs: config.PAYMENT_STALE_AFTER_MS,
      pgTimeoutMs: config.PG_TIMEOUT_MS,
    }),
    webhooks: createPartnerWebhooks(config, runtime, models, users),
  };
}

/** After the sale: cancellations of paid orders, shipping, the carrier's webhook. */
function fulfilmentServices(parts: {
  config: OrdersConfig;
  models: OrdersModels;
  products: ProductsClient;
  cancellation: OrderCancellationService;
  refunds: RefundSaga;
  logger: SubgraphFoundation<OrdersConfig, OrdersModels>['runtime']['logger'];
}) {
  const { config, models, products, logger } = parts;
  return {
    refunds: parts.refunds,
    paidCancellation: new PaidCancellationService(
      models.orders,
      parts.cancellation,
      parts.refunds,
      logger,
    ),
    shipping: new ShippingService({
      orders: models.orders,
      products,
      trackingBaseUrl: config.CARRIER_SANDBOX_URL,
    }),
    carrier: new CarrierWebhookService(models.orders, models.carrierEvents, logger),
  };
}

export type OrdersServices = ReturnType<typeof createOrdersServices>;
export type OrdersParts = SubgraphParts<OrdersConfig, OrdersModels, OrdersServices>;
