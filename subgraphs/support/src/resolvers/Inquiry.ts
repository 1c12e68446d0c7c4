import type { InquiryResolvers } from '../__generated__/resolvers-types';

const reference = (id: string | null) => (id ? { id } : null);

export const Inquiry: InquiryResolvers = {
  __resolveReference: ({ id }, { inquiries, identity }) => inquiries.reference(identity, id),
  id: (inquiry) => inquiry._id.toHexString(),
  customer: (inquiry) => ({ id: inquiry.customerId }),
  assignee: (inquiry) => reference(inquiry.assigneeId),
  order: (inquiry) => reference(inquiry.orderId),
  product: (inquiry) => reference(inquiry.productId),
};
