import type { InquiryResolvers } from '../__generated__/resolvers-types';

export const Inquiry: InquiryResolvers = {
  __resolveReference: ({ id }, { inquiries, identity }) => inquiries.inquiryById(id, identity),
  id: (inquiry) => inquiry._id.toHexString(),
};
