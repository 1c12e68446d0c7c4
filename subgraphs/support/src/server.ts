import { join } from 'node:path';
import { createSubgraph, defineSubgraph } from '@shop/service';
import { supportBackgroundTasks } from './background-tasks';
import type { SupportConfig } from './config';
import { createSupportContext } from './context';
import { supportModels } from './models';
import { resolvers } from './resolvers';
import { createSupportServices, type SupportOptions } from './services';

/**
 * The support subgraph: customer inquiries, routing and assignment, agent work, SLA timers with
 * reminders and escalation, satisfaction and the knowledge base. `options.clock` lets tests
 * move time.
 */
export function supportSubgraph(options: SupportOptions = {}) {
  return defineSubgraph({
    name: 'support',
    schemaPath: join(__dirname, 'schema.graphql'),
    resolvers,
    models: supportModels,
    services: (foundation) => createSupportServices(foundation, options),
    context: createSupportContext,
    backgroundTasks: supportBackgroundTasks,
  });
}

/** Builds the support subgraph: its database, services and GraphQL endpoint, not yet listening. */
export function createSupportSubgraph(config: SupportConfig, options: SupportOptions = {}) {
  return createSubgraph(supportSubgraph(options), config);
}

export type SupportSubgraph = Awaited<ReturnType<typeof createSupportSubgraph>>;
export { loadSupportConfig, type SupportConfig } from './config';
export type { Clock } from './clock';
