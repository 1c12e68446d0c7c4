import { DateTimeScalar as DateTime } from '@shop/service';
import type { Resolvers } from '../__generated__/resolvers-types';
import { Inquiry } from './Inquiry';
import { User } from './User';

export const resolvers: Resolvers = { Inquiry, User, DateTime };
