import type { Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { DocumentNode } from 'graphql';
import { GraphQLError, Kind } from 'graphql';
import { verifyGatewayRequest, type ClientInfo, type Identity } from '@shop/auth';
import { ForbiddenError, formatError } from '@shop/errors';
import type { Logger } from '@shop/logger';
import { randomUUID } from 'node:crypto';
import { createHttpService, type HttpService, type HttpServiceOptions } from './http-service';
import type { ServiceMetrics } from './metrics';
import { metricsPlugin, requestLoggingPlugin } from './plugins';

/** What every subgraph's context starts from. */
export interface SubgraphBaseContext {
  requestId: string;
  /** The caller, only when the gateway vouched for it. */
  identity: Identity | null;
  /** True when the request carries a valid gateway signature. */
  fromGateway: boolean;
  /** The end client's address and user agent, as the gateway signed them; null otherwise. */
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
  routers?: HttpServiceOptions<TContext>['routers'];
}

/**
 * An Apollo subgraph behind the shared HTTP face. Identity is accepted only with the gateway's
 * signature; a request that sends an identity without valid proof is refused with 401, and the
 * federation fields `_entities` and `_service` answer only the gateway.
 */
export function createSubgraphService<TContext extends SubgraphBaseContext>(
  options: SubgraphServiceOptions<TContext>,
): HttpService {
  const schema = buildSubgraphSchema({ typeDefs: options.typeDefs, resolvers: options.resolvers });
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
        formatError: formatError(options.logger),
        plugins: [
          ApolloServerPluginDrainHttpServer({ httpServer }),
          ApolloServerPluginLandingPageDisabled(),
          // Traces are for Apollo Studio, which we do not use; they only cost time.
          ApolloServerPluginInlineTraceDisabled(),
          federationFieldsOnlyForGateway<TContext>(),
          requestLoggingPlugin<TContext>(),
          metricsPlugin<TContext>(options.metrics),
        ],
      }),
    context: async (req) => {
      const proof = verifyGatewayRequest({
        audience: options.name,
        secret: options.signingSecret,
        headers: req.headers,
      });
      const requestId =
        proof.kind === 'gateway' ? String(req.headers['x-request-id']) : randomUUID();
      const logger = options.logger.child({ reqId: requestId });
      if (proof.kind === 'forged') {
        logger.warn({ reason: proof.reason }, 'refused request with unproven identity');
        throw new GraphQLError('Identity could not be verified', {
          extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
        });
      }
      const fromGateway = proof.kind === 'gateway';
      return options.buildContext({
        requestId,
        identity: fromGateway ? proof.identity : null,
        client: fromGateway ? proof.client : null,
        fromGateway,
        logger,
      });
    },
  });
}

const GATEWAY_ONLY_FIELDS = new Set(['_entities', '_service']);

function federationFieldsOnlyForGateway<
  TContext extends SubgraphBaseContext,
>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (contextValue.fromGateway || !operation) return;
          const asksForFederationField = operation.selectionSet.selections.some(
            (selection) =>
              selection.kind === Kind.FIELD && GATEWAY_ONLY_FIELDS.has(selection.name.value),
          );
          if (asksForFederationField)
            throw new ForbiddenError('Only the gateway may query federation fields');
        },
      };
    },
  };
}
