import type { SubgraphBaseContext } from '@shop/service';
import { createInquiryLoaders } from './inquiry/inquiry.loaders';
import { InquiryService } from './inquiry/inquiry.service';
import type { SupportParts } from './services';

export interface SupportContext extends SubgraphBaseContext {
  inquiries: InquiryService;
}

/** A user as this subgraph knows it: only the key, fields come from the users subgraph. */
export interface UserReference {
  id: string;
}

/** Per request: loaders that batch inquiry reads, and the services over them. */
export function createSupportContext(
  base: SubgraphBaseContext,
  { models }: SupportParts,
): SupportContext {
  const { inquiries } = models;
  return { ...base, inquiries: new InquiryService(inquiries, createInquiryLoaders(inquiries)) };
}
