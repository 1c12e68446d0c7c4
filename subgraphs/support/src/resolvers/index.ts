import { DateTimeScalar as DateTime } from '@shop/service';
import type { Resolvers } from '../__generated__/resolvers-types';
import { Inquiry } from './Inquiry';
import { InquiryMessage } from './InquiryMessage';
import { KnowledgeArticle } from './KnowledgeArticle';
import { Mutation } from './Mutation';
import { Query } from './Query';
import { SupportAgent } from './SupportAgent';
import { User } from './User';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Inquiry,
  InquiryMessage,
  KnowledgeArticle,
  SupportAgent,
  User,
  DateTime,
};
