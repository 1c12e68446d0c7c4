import { requireOwnerOrStaff, type Identity } from '@shop/auth';
import { boundedCount } from '@shop/pagination';
import type { InquiryLoaders } from './inquiry.loaders';
import type { InquiryDocument, InquiryModel } from './inquiry.model';

export class InquiryService {
  constructor(
    private readonly inquiries: InquiryModel,
    private readonly loaders: InquiryLoaders,
  ) {}

  /** A user's inquiries, newest first, for the user themself and staff (AGENT, ADMIN). */
  async inquiriesOfUser(
    userId: string,
    first: number,
    identity: Identity | null,
  ): Promise<InquiryDocument[]> {
    requireOwnerOrStaff(identity, userId);
    return this.inquiries
      .find({ userId })
      .sort({ createdAt: -1 })
      .limit(boundedCount(first))
      .lean<InquiryDocument[]>();
  }

  /** An inquiry by id, for its author and staff; null when it does not exist. */
  async inquiryById(id: string, identity: Identity | null): Promise<InquiryDocument | null> {
    const inquiry = await this.loaders.inquiryById.load(id);
    if (inquiry) requireOwnerOrStaff(identity, inquiry.userId);
    return inquiry;
  }
}
