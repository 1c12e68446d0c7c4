import { join } from 'node:path';
import { createSubgraph, type Subgraph } from '@shop/service';
import type { SupportConfig } from './config';
import type { SupportContext } from './context';
import { createInquiryLoaders } from './inquiry/inquiry.loaders';
import { inquiryModel } from './inquiry/inquiry.model';
import { InquiryService } from './inquiry/inquiry.service';
import { resolvers } from './resolvers';

/** Builds the support subgraph: its database, services and GraphQL endpoint, not yet listening. */
export function createSupportSubgraph(config: SupportConfig): Promise<Subgraph> {
  return createSubgraph<SupportContext>({
    name: 'support',
    config,
    schemaPath: join(__dirname, 'schema.graphql'),
    resolvers,
    registerModels: (connection) => {
      inquiryModel(connection);
    },
    contextFactory: ({ mongo }) => {
      const inquiries = inquiryModel(mongo);
      return (base) => ({
        ...base,
        inquiries: new InquiryService(inquiries, createInquiryLoaders(inquiries)),
      });
    },
  });
}

export { loadSupportConfig, type SupportConfig } from './config';
