import { DateTimeScalar as DateTime } from '@shop/service';
import type { Resolvers } from '../__generated__/resolvers-types';
import { Order } from './Order';
import { User } from './User';

export const resolvers: Resolvers = { Order, User, DateTime };
