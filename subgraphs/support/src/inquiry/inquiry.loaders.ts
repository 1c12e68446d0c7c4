import { createByIdLoader } from '@shop/mongo';
import type { InquiryDocument, InquiryModel } from './inquiry.model';

export function createInquiryLoaders(inquiries: InquiryModel) {
  return {
    inquiryById: createByIdLoader((ids) =>
      inquiries.find({ _id: { $in: ids } }).lean<InquiryDocument[]>(),
    ),
  };
}

export type InquiryLoaders = ReturnType<typeof createInquiryLoaders>;
