import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { DocumentNode } from 'graphql';
import type { ClientInfo, Identity } from '@shop/auth';
import { formatError } from '@shop/errors';
import type { Logger } from '@shop/logger';
import { gatewayCaller } from './gateway-caller';
import { createHttpService, type HttpService, type HttpServiceOptions } from './http-service';
import type { ServiceMetrics } from './metrics';
import { graphqlOverHttpStatusPlugin, metricsPlugin, requestLoggingPlugin } from './plugins';
import type { SubgraphProtection } from './subgraph-protection';
import { queryLimits } from './query-limits';

/** What every subgraph's context starts from. */
export interface SubgraphBaseContext {
  requestId: string;
  /** The caller, as the gateway vouched for it; null for anonymous callers. */
  identity: Identity | null;
  /** The end client's address and user agent, as the gateway signed them. */
  client: ClientInfo | null;
  logger: Logger;
}

export interface SubgraphServiceOptions<TContext extends SubgraphBaseContext> {
  /** Subgraph name as composed into the supergraph; the audience of gateway signatures. */
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<unknown>;
  signingSecret: string;
  logger: Logger;
  metrics: ServiceMetrics;
  readiness: () => Promise<Record<string, boolean>>;
  /** Adds the subgraph's loaders and services to the base context, per request. */
  buildContext: (base: SubgraphBaseContext) => TContext;
  /** Query limits, the nonce store and error hiding; see {@link subgraphProtection}. */
  protection: SubgraphProtection;
  routers?: HttpServiceOptions<TContext>['routers'];
}

/**
 * An Apollo subgraph behind the shared HTTP face. It answers only requests the gateway signed
 * (that exact body, a nonce never seen before, within the signature's window): anything else is
 * refused with 401 before it is parsed, so `_entities`, `_service` and every other field are
 * out of reach of whoever finds the port. The gateway's query limits apply here too.
 */
export function createSubgraphService<TContext extends SubgraphBaseContext>(
  options: SubgraphServiceOptions<TContext>,
): HttpService {
  const schema = buildSubgraphSchema({ typeDefs: options.typeDefs, resolvers: options.resolvers });
  const { limits, nonces, hideSchemaDetails } = options.protection;
  const limitsSetup = queryLimits<TContext>(limits, options.metrics);
  const caller = gatewayCaller({
    audience: options.name,
    secret: options.signingSecret,
    nonces,
    logger: options.logger,
  });
  return createHttpService<TContext>({
    logger: options.logger,
    metrics: options.metrics,
    readiness: options.readiness,
    ...(options.routers ? { routers: options.routers } : {}),
    createApollo: (httpServer: Server) =>
      new ApolloServer<TContext>({
        schema,
        introspection: false,
        includeStacktraceInErrorResponses: false,
        hideSchemaDetailsFromClientErrors: hideSchemaDetails,
        // Only the gateway calls, and it never sends persisted-query hashes.
        persistedQueries: false,
        formatError: formatError(options.logger, { hideSuggestions: hideSchemaDetails }),
        parseOptions: limitsSetup.parseOptions,
        validationRules: limitsSetup.validationRules,
        plugins: [
          ApolloServerPluginDrainHttpServer({ httpServer }),
          ApolloServerPluginLandingPageDisabled(),
          // Traces are for Apollo Studio, which we do not use; they only cost time.
          ApolloServerPluginInlineTraceDisabled(),
          // Cache hints are for HTTP caches we do not use; the plugin wraps every resolver.
          ApolloServerPluginCacheControlDisabled(),
          ...limitsSetup.plugins,
          graphqlOverHttpStatusPlugin<TContext>(),
          requestLoggingPlugin<TContext>(),
          metricsPlugin<TContext>(options.metrics),
        ],
      }),
    context: async (req) => {
      const proof = await caller(req);
      const logger = options.logger.child({ reqId: proof.requestId });
      return options.buildContext({
        requestId: proof.requestId ?? randomUUID(),
        identity: proof.identity,
        client: proof.client,
        logger,
      });
    },
  });
}
