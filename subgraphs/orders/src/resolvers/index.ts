import { DateTimeScalar as DateTime } from '@shop/service';
import type { Resolvers } from '../__generated__/resolvers-types';
import { Balance, BalanceEntry } from './Balance';
import { Product, Review, fulfilmentMutations } from './fulfilment.resolvers';
import { Mutation } from './Mutation';
import { Order, OrderItem } from './Order';
import { Query } from './Query';
import { User } from './User';

export const resolvers: Resolvers = {
  Query,
  Mutation: { ...Mutation, ...fulfilmentMutations },
  Order,
  OrderItem,
  User,
  Balance,
  BalanceEntry,
  Product,
  Review,
  DateTime,
};
