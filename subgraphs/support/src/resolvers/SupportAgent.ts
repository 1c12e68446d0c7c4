import type { SupportAgentResolvers } from '../__generated__/resolvers-types';

export const SupportAgent: SupportAgentResolvers = {
  id: (agent) => agent._id,
  user: (agent) => ({ id: agent._id }),
  openInquiries: (agent) => agent.openCount,
  // The epoch stands for "never" in storage, so it sorts first among the idle.
  lastAssignedAt: (agent) => (agent.lastAssignedAt.getTime() > 0 ? agent.lastAssignedAt : null),
};
