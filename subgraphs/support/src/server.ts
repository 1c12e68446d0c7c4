import { join } from 'node:path';
import { createSubgraph, defineSubgraph } from '@shop/service';
import type { SupportConfig } from './config';
import { createSupportContext } from './context';
import { supportModels } from './models';
import { resolvers } from './resolvers';
import { createSupportServices } from './services';

/** The support subgraph: customer inquiries. */
export const supportSubgraph = defineSubgraph({
  name: 'support',
  schemaPath: join(__dirname, 'schema.graphql'),
  resolvers,
  models: supportModels,
  services: createSupportServices,
  context: createSupportContext,
});

/** Builds the support subgraph: its database, services and GraphQL endpoint, not yet listening. */
export function createSupportSubgraph(config: SupportConfig) {
  return createSubgraph(supportSubgraph, config);
}

export type SupportSubgraph = Awaited<ReturnType<typeof createSupportSubgraph>>;
export { loadSupportConfig, type SupportConfig } from './config';
