import type { EventDefinition } from '@shop/events';
import { cartItemAdded } from './cart-events';
import { productUpdated, stockChanged } from './catalog-events';
import { COUPON_EVENTS } from './coupon-events';
import { FULFILMENT_EVENTS } from './fulfilment-events';
import { CHECKOUT_EVENTS, orderPaid } from './order-events';
import { REVIEW_EVENTS } from './review-events';
import { SUPPORT_EVENTS } from './support-events';
import {
  userEmailVerified,
  userPasswordResetRequested,
  userVerificationRequested,
} from './user-events';

export * from './cart-events';
export * from './catalog-events';
export * from './coupon-events';
export * from './fulfilment-events';
export * from './order-events';
export * from './review-events';
export * from './support-events';
export * from './user-events';

/** Every event of the system, for documentation and for checks that names stay unique. */
export const ALL_EVENTS: readonly EventDefinition[] = [
  userVerificationRequested,
  userEmailVerified,
  userPasswordResetRequested,
  productUpdated,
  stockChanged,
  cartItemAdded,
  orderPaid,
  ...CHECKOUT_EVENTS,
  ...FULFILMENT_EVENTS,
  ...REVIEW_EVENTS,
  ...SUPPORT_EVENTS,
  ...COUPON_EVENTS,
];
