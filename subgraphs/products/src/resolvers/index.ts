import type { Resolvers } from '../__generated__/resolvers-types';
import { Category } from './Category';
import { DateTimeScalar as DateTime } from '@shop/service';
import { Product } from './Product';
import { Query } from './Query';

export const resolvers: Resolvers = { Query, Product, Category, DateTime };
