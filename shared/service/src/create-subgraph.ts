import { readFileSync } from 'node:fs';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { gql } from 'graphql-tag';
import type { Connection } from 'mongoose';
import type { BaseEnv } from '@shop/config';
import type { HttpService } from './http-service';
import { internalRouter, type InternalRoute } from './internal-api';
import { createSubgraphService, type SubgraphBaseContext } from './subgraph-service';
import { openSubgraphRuntime, type SubgraphRuntime } from './subgraph-runtime';
import { subgraphProtection } from './subgraph-protection';

export interface SubgraphDefinition<TContext extends SubgraphBaseContext> {
  name: string;
  config: BaseEnv & { dbName: string };
  /** Path of the subgraph's `schema.graphql`. */
  schemaPath: string;
  resolvers: unknown;
  registerModels: (connection: Connection) => void;
  /** Called once with the open runtime; returns the per-request context builder. */
  contextFactory: (runtime: SubgraphRuntime) => (base: SubgraphBaseContext) => TContext;
  /** Operations other services call under `/internal`, authenticated by the internal secret. */
  internalRoutes?: (runtime: SubgraphRuntime) => InternalRoute[];
  /** Work that runs for the life of the process: outbox relays, sweepers, event consumers. */
  backgroundTasks?: (runtime: SubgraphRuntime) => BackgroundTask[];
}

/** A loop the subgraph starts with itself and stops before closing its connections. */
export interface BackgroundTask {
  start(): void;
  stop(): Promise<void>;
}

export interface Subgraph {
  http: HttpService;
  runtime: SubgraphRuntime;
  stop(): Promise<void>;
}

/** Opens a subgraph's connections and builds its GraphQL endpoint, not yet listening. */
export async function createSubgraph<TContext extends SubgraphBaseContext>(
  definition: SubgraphDefinition<TContext>,
): Promise<Subgraph> {
  const { config } = definition;
  const runtime = await openSubgraphRuntime({
    name: definition.name,
    mongoUri: config.MONGODB_URI,
    dbName: config.dbName,
    redisUrl: config.REDIS_URL,
    logLevel: config.LOG_LEVEL,
    registerModels: definition.registerModels,
  });
  const http = createSubgraphService<TContext>({
    name: definition.name,
    typeDefs: gql(readFileSync(definition.schemaPath, 'utf8')),
    // Codegen's resolver types and Apollo's resolver map describe the same object differently.
    resolvers: definition.resolvers as GraphQLResolverMap<unknown>,
    signingSecret: config.GATEWAY_SIGNING_SECRET,
    logger: runtime.logger,
    metrics: runtime.metrics,
    readiness: () => runtime.readiness(),
    buildContext: definition.contextFactory(runtime),
    protection: subgraphProtection(definition.name, config, runtime.redis),
    routers: definition.internalRoutes
      ? [
          {
            path: '/internal',
            router: internalRouter({
              audience: definition.name,
              secret: config.INTERNAL_API_SECRET,
              routes: definition.internalRoutes(runtime),
              logger: runtime.logger,
            }),
          },
        ]
      : [],
  });
  const tasks = definition.backgroundTasks?.(runtime) ?? [];
  for (const task of tasks) task.start();
  return {
    http,
    runtime,
    async stop() {
      await http.stop();
      await Promise.all(tasks.map((task) => task.stop()));
      await runtime.close();
    },
  };
}
