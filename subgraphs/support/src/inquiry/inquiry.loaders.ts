import { WITHOUT_OUTBOX } from '@shop/events';
import { createByIdLoader } from '@shop/mongo';
import type { InquiryDocument, InquiryModel } from './inquiry.model';

/** Per request: inquiries by id, one query per batch (the gateway's `_entities` calls too). */
export function createInquiryLoaders(inquiries: InquiryModel) {
  return {
    inquiryById: createByIdLoader((ids) =>
      inquiries.find({ _id: { $in: ids } }, WITHOUT_OUTBOX).lean<InquiryDocument[]>(),
    ),
  };
}

export type InquiryLoaders = ReturnType<typeof createInquiryLoaders>;
