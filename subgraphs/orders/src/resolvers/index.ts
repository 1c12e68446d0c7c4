import { DateTimeScalar as DateTime } from '@shop/service';
import type { Resolvers } from '../__generated__/resolvers-types';
import { Balance, BalanceEntry } from './Balance';
import {
  Cart,
  Coupon,
  CouponCampaign,
  couponMutation,
  couponQuery,
  orderCoupon,
} from './coupon.resolvers';
import { Product, Review, fulfilmentMutations } from './fulfilment.resolvers';
import { Mutation } from './Mutation';
import { Order, OrderItem } from './Order';
import {
  WebhookDelivery,
  WebhookSubscription,
  webhookMutation,
  webhookQuery,
} from './partner-webhook.resolvers';
import { Query } from './Query';
import { User } from './User';

export const resolvers: Resolvers = {
  Query: { ...Query, ...couponQuery, ...webhookQuery },
  Mutation: { ...Mutation, ...couponMutation, ...webhookMutation, ...fulfilmentMutations },
  Order: { ...Order, ...orderCoupon },
  OrderItem,
  User,
  Balance,
  BalanceEntry,
  Product,
  Review,
  DateTime,
  CouponCampaign,
  Coupon,
  Cart,
  WebhookSubscription,
  WebhookDelivery,
};
