import type { Resolvers } from '../__generated__/resolvers-types';
import { Category } from './Category';
import { DateTimeScalar as DateTime } from '@shop/service';
import { Product } from './Product';
import { Query } from './Query';
import { Mutation } from './Mutation';

export const resolvers: Resolvers = { Query, Mutation, Product, Category, DateTime };
