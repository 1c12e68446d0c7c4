import type { InquiryMessageResolvers } from '../__generated__/resolvers-types';

export const InquiryMessage: InquiryMessageResolvers = {
  id: (message) => message._id.toHexString(),
  author: (message) => ({ id: message.authorId }),
};
