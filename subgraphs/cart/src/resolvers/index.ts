import { DateTimeScalar as DateTime } from '@shop/service';
import type { Resolvers } from '../__generated__/resolvers-types';
import { Cart } from './Cart';
import { CartItem } from './CartItem';
import { Mutation } from './Mutation';
import { Query } from './Query';

export const resolvers: Resolvers = { Query, Mutation, Cart, CartItem, DateTime };
