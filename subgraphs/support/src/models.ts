import type { Connection } from 'mongoose';
import { agentModel } from './agent/agent.model';
import { inquiryCounterModel } from './inquiry/inquiry-counter.model';
import { inquiryModel } from './inquiry/inquiry.model';
import { knowledgeArticleModel } from './knowledge/knowledge-article.model';

/**
 * The support subgraph's collections: inquiries (with their outbox and audit trail), the
 * agents and their teams, the daily number sequences, and the knowledge base.
 */
export function supportModels(connection: Connection) {
  return {
    inquiries: inquiryModel(connection),
    agents: agentModel(connection),
    counters: inquiryCounterModel(connection),
    articles: knowledgeArticleModel(connection),
  };
}

export type SupportModels = ReturnType<typeof supportModels>;
