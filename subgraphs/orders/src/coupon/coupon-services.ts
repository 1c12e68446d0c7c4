import type { Logger } from '@shop/logger';
import type { Redis } from '@shop/redis';
import type { CartClient } from '../clients/cart.client';
import type { ProductsClient } from '../clients/products.client';
import type { OrdersConfig } from '../config';
import type { OrdersModels } from '../models';
import { CouponCampaignService } from './coupon-campaign.service';
import { CouponCheckout } from './coupon-checkout';
import { CouponClaimService } from './coupon-claim.service';
import { CouponClaimStore } from './coupon-claim.store';
import { couponKeys } from './coupon-keys';
import { CouponOrderSync } from './coupon-order-sync';
import { CouponQueryService } from './coupon-query.service';
import { CouponReconciler } from './coupon-reconciler';

/** The coupon module's services, built once per process (services.ts calls this). */
export function createCouponServices(parts: {
  config: OrdersConfig;
  models: OrdersModels;
  redis: Redis;
  products: ProductsClient;
  carts: CartClient;
  logger: Logger;
}) {
  const { config, models, redis, products, carts, logger } = parts;
  const store = new CouponClaimStore(redis, couponKeys(config.COUPON_KEY_PREFIX));
  const campaigns = new CouponCampaignService(models.couponCampaigns, store, products);
  const reconciler = new CouponReconciler({
    campaigns: models.couponCampaigns,
    coupons: models.coupons,
    store,
    logger,
  });
  const checkout = new CouponCheckout(models.coupons, campaigns, config.CART_CURRENCY, logger);
  return {
    campaigns,
    reconciler,
    checkout,
    claims: new CouponClaimService({
      coupons: models.coupons,
      campaigns: models.couponCampaigns,
      campaignService: campaigns,
      store,
      reconciler,
      logger,
    }),
    queries: new CouponQueryService({
      coupons: models.coupons,
      campaigns,
      carts,
      products,
      currency: config.CART_CURRENCY,
    }),
    sync: new CouponOrderSync({
      checkout,
      coupons: models.coupons,
      orders: models.orders,
      logger,
      orphanAfterMs: config.IDEMPOTENCY_LEASE_MS + config.PAYMENT_STALE_AFTER_MS,
      staleAfterMs: config.PAYMENT_STALE_AFTER_MS,
    }),
  };
}

export type CouponServices = ReturnType<typeof createCouponServices>;
