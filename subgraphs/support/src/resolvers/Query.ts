import type { QueryResolvers } from '../__generated__/resolvers-types';

export const Query: QueryResolvers = {
  myInquiries: (_parent, { first, after }, { inquiries, identity }) =>
    inquiries.myInquiries(identity, first, after),
  inquiry: (_parent, { id }, { inquiries, identity }) => inquiries.inquiry(identity, id),
  inquiryQueue: (_parent, { filter, first, after }, { inquiries, identity }) =>
    inquiries.queue(identity, filter, first, after),
  knowledgeArticles: (_parent, { query, category, first }, { knowledge }) =>
    knowledge.search(query, category, first),
  supportAgents: (_parent, _args, { agents, identity }) => agents.listAgents(identity),
};
