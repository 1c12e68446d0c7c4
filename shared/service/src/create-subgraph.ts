import { readFileSync } from 'node:fs';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { gql } from 'graphql-tag';
import type { Router } from 'express';
import type { Connection } from 'mongoose';
import type { BaseEnv } from '@shop/config';
import { startTasks, type BackgroundTask } from '@shop/lifecycle';
import type { HttpService } from './http-service';
import { internalRouter, type InternalRoute } from './internal-api';
import { createSubgraphService, type SubgraphBaseContext } from './subgraph-service';
import { openSubgraphRuntime, type SubgraphRuntime } from './subgraph-runtime';
import { subgraphProtection } from './subgraph-protection';

/** What every subgraph's configuration has: the shared variables, its database and port. */
export type SubgraphConfig = BaseEnv & { dbName: string; port: number };

/** What a subgraph's services are built from: config → runtime → models. */
export interface SubgraphFoundation<TConfig, TModels> {
  config: TConfig;
  /** Connections (MongoDB, Redis, queues), logger and metrics. */
  runtime: SubgraphRuntime;
  /** Mongoose models on the subgraph's own database. */
  models: TModels;
}

/** Everything a subgraph process builds once: its foundation and its services. */
export interface SubgraphParts<TConfig, TModels, TServices> extends SubgraphFoundation<
  TConfig,
  TModels
> {
  /** Process-wide services holding the business rules. */
  services: TServices;
}

/**
 * A subgraph, declared the same way in all five: each step is a function of the steps before
 * it, so a reader knows where everything is made.
 */
export interface SubgraphDefinition<
  TConfig extends SubgraphConfig,
  TModels,
  TServices,
  TContext extends SubgraphBaseContext,
> {
  /** Name as composed into the supergraph; the audience of gateway and internal signatures. */
  name: string;
  /** Path of the subgraph's `schema.graphql`. */
  schemaPath: string;
  resolvers: unknown;
  /** Registers the subgraph's models on its connection; their indexes are built before it listens. */
  models: (connection: Connection) => TModels;
  /** Builds the process-wide services once. */
  services: (foundation: SubgraphFoundation<TConfig, TModels>) => TServices;
  /** The context of one request: the gateway-vouched identity, per-request loaders, services. */
  context: (
    base: SubgraphBaseContext,
    parts: SubgraphParts<TConfig, TModels, TServices>,
  ) => TContext;
  /** Operations other services call under `/internal`, authenticated by the internal secret. */
  internalRoutes?: (parts: SubgraphParts<TConfig, TModels, TServices>) => InternalRoute[];
  /**
   * Routes outside parties call directly (not through the gateway), each checking its caller
   * itself, e.g. a carrier's signed webhook under `/webhooks`.
   */
  publicRoutes?: (
    parts: SubgraphParts<TConfig, TModels, TServices>,
  ) => Array<{ path: string; router: Router }>;
  /** Work that runs for the life of the process: outbox relays, sweepers, event consumers. */
  backgroundTasks?: (parts: SubgraphParts<TConfig, TModels, TServices>) => BackgroundTask[];
}

/** Lets TypeScript infer a definition's types from its functions. */
export function defineSubgraph<
  TConfig extends SubgraphConfig,
  TModels,
  TServices,
  TContext extends SubgraphBaseContext,
>(
  definition: SubgraphDefinition<TConfig, TModels, TServices, TContext>,
): SubgraphDefinition<TConfig, TModels, TServices, TContext> {
  return definition;
}

/** A built subgraph: its GraphQL endpoint (not yet listening) and the parts behind it. */
export interface Subgraph<TModels = unknown, TServices = unknown> {
  http: HttpService;
  runtime: SubgraphRuntime;
  models: TModels;
  services: TServices;
  /** Stops taking requests, then background tasks, then closes connections. */
  stop(): Promise<void>;
}

/** Opens a subgraph's connections, builds its parts and its GraphQL endpoint, not yet listening. */
export async function createSubgraph<
  TConfig extends SubgraphConfig,
  TModels,
  TServices,
  TContext extends SubgraphBaseContext,
>(
  definition: SubgraphDefinition<TConfig, TModels, TServices, TContext>,
  config: TConfig,
): Promise<Subgraph<TModels, TServices>> {
  let models: TModels | undefined;
  const runtime = await openSubgraphRuntime({
    name: definition.name,
    config,
    registerModels: (connection) => void (models = definition.models(connection)),
  });
  const built = { config, runtime, models: models as TModels };
  const parts = { ...built, services: definition.services(built) };
  const routes = definition.internalRoutes?.(parts) ?? [];
  const http = createSubgraphService<TContext>({
    name: definition.name,
    typeDefs: gql(readFileSync(definition.schemaPath, 'utf8')),
    // Codegen's resolver types and Apollo's resolver map describe the same object differently.
    resolvers: definition.resolvers as GraphQLResolverMap<unknown>,
    signingSecret: config.GATEWAY_SIGNING_SECRET,
    logger: runtime.logger,
    metrics: runtime.metrics,
    readiness: () => runtime.readiness(),
    buildContext: (base) => definition.context(base, parts),
    protection: subgraphProtection(definition.name, config, runtime.redis),
    routers: [
      ...(routes.length
        ? [
            {
              path: '/internal',
              router: internalRouter({
                audience: definition.name,
                secret: config.INTERNAL_API_SECRET,
                routes,
                logger: runtime.logger,
              }),
            },
          ]
        : []),
      ...(definition.publicRoutes?.(parts) ?? []),
    ],
  });
  const stopTasks = startTasks(definition.backgroundTasks?.(parts) ?? []);
  return {
    http,
    runtime,
    models: parts.models,
    services: parts.services,
    async stop() {
      await http.stop();
      await stopTasks();
      await runtime.close();
    },
  };
}
