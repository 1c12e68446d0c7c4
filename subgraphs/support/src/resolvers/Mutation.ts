import type { MutationResolvers } from '../__generated__/resolvers-types';

export const Mutation: MutationResolvers = {
  createInquiry: (_parent, { input }, { intake, identity }) =>
    intake.createInquiry(identity, input),
  addInquiryMessage: (_parent, { inquiryId, body }, { customer, identity }) =>
    customer.addInquiryMessage(identity, inquiryId, body),
  rateInquiry: (_parent, { inquiryId, score, comment }, { customer, identity }) =>
    customer.rateInquiry(identity, inquiryId, score, comment),
  assignInquiry: (_parent, { inquiryId, agentId }, { work, identity }) =>
    work.assignInquiry(identity, inquiryId, agentId),
  replyToInquiry: (_parent, { inquiryId, body, internal }, { work, identity }) =>
    work.replyToInquiry(identity, inquiryId, body, internal ?? false),
  requestInquiryInfo: (_parent, { inquiryId, body }, { work, identity }) =>
    work.requestInquiryInfo(identity, inquiryId, body),
  resolveInquiry: (_parent, { inquiryId, input }, { work, identity }) =>
    work.resolveInquiry(identity, inquiryId, input),
  setInquiryPriority: (_parent, { inquiryId, priority }, { work, identity }) =>
    work.setInquiryPriority(identity, inquiryId, priority),
  setAgentTeams: (_parent, { agentId, teams }, { agents, identity }) =>
    agents.setAgentTeams(identity, agentId, teams),
};
