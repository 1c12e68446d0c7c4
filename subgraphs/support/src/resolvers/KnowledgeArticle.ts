import type { KnowledgeArticleResolvers } from '../__generated__/resolvers-types';

export const KnowledgeArticle: KnowledgeArticleResolvers = {
  id: (article) => article._id.toHexString(),
};
