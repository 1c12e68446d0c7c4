import type { SubgraphBaseContext } from '@shop/service';
import type { AgentService } from './agent/agent.service';
import { createInquiryLoaders } from './inquiry/inquiry.loaders';
import type { InquiryCustomerService } from './inquiry/inquiry-customer.service';
import type { InquiryIntakeService } from './inquiry/inquiry-intake.service';
import { InquiryQueryService } from './inquiry/inquiry-query.service';
import type { InquiryWorkService } from './inquiry/inquiry-work.service';
import type { KnowledgeService } from './knowledge/knowledge.service';
import type { SupportParts } from './services';

export interface SupportContext extends SubgraphBaseContext {
  /** Per request: reads batched by its own loaders. */
  inquiries: InquiryQueryService;
  intake: InquiryIntakeService;
  customer: InquiryCustomerService;
  work: InquiryWorkService;
  agents: AgentService;
  knowledge: KnowledgeService;
}

/** A user, product or order as this subgraph knows it: only the key; the owner resolves fields. */
export interface EntityReference {
  id: string;
}

/** Per request: loaders that batch inquiry reads, and the process-wide services. */
export function createSupportContext(
  base: SubgraphBaseContext,
  { models, services }: SupportParts,
): SupportContext {
  const { intake, customer, work, agents, knowledge } = services;
  const inquiries = new InquiryQueryService(
    models.inquiries,
    createInquiryLoaders(models.inquiries),
  );
  return { ...base, inquiries, intake, customer, work, agents, knowledge };
}
