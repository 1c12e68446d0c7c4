import { DateTimeScalar as DateTime } from '@shop/service';
import type { Resolvers } from '../__generated__/resolvers-types';
import { Balance, BalanceEntry } from './Balance';
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
  Query: { ...Query, ...webhookQuery },
  Mutation: { ...Mutation, ...webhookMutation },
  Order,
  OrderItem,
  User,
  Balance,
  BalanceEntry,
  DateTime,
  WebhookSubscription,
  WebhookDelivery,
};
