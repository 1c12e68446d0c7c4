import type { SubgraphBaseContext } from '@shop/service';
import type { InquiryService } from './inquiry/inquiry.service';

export interface SupportContext extends SubgraphBaseContext {
  inquiries: InquiryService;
}

/** A user as this subgraph knows it: only the key, fields come from the users subgraph. */
export interface UserReference {
  id: string;
}
