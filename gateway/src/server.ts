import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import type { Request } from 'express';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { formatError } from '@shop/errors';
import { createLogger, type Logger } from '@shop/logger';
import { createRedis } from '@shop/redis';
import {
  createHttpService,
  createMetrics,
  metricsPlugin,
  queryLimitsRule,
  requestLoggingPlugin,
  type HttpService,
} from '@shop/service';
import { Authenticator } from './auth/authenticator';
import { clientInfo } from './auth/client-info';
import type { GatewayConfig } from './config';
import type { GatewayContext } from './context';
import { gatewayReadiness } from './readiness';
import { SignedDataSource } from './signed-data-source';

const SUPERGRAPH_PATH = join(__dirname, '../supergraph.graphql');
const REQUEST_ID = /^[\w-]{8,64}$/;

export interface Gateway {
  http: HttpService;
  logger: Logger;
  stop(): Promise<void>;
}

/** Per request: the request id (the caller's when well-formed), identity and client. */
function requestContext(authenticator: Authenticator, logger: Logger, trustProxy: boolean) {
  return async (req: Request): Promise<GatewayContext> => {
    const incoming = req.headers['x-request-id'];
    const requestId =
      typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.res?.setHeader('x-request-id', requestId);
    const identity = await authenticator.identify(req.headers.authorization);
    return {
      requestId,
      identity,
      client: clientInfo(req, trustProxy),
      logger: logger.child({ reqId: requestId, userId: identity?.userId }),
    };
  };
}

/**
 * The public GraphQL endpoint: serves the committed static supergraph, authenticates the
 * caller once and forwards a signed identity to each subgraph.
 */
export function createGateway(config: GatewayConfig): Gateway {
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const metrics = createMetrics('gateway');
  const redis = createRedis(config.REDIS_URL, {
    onError: (err) => logger.warn({ err: err.message }, 'redis connection error'),
  });
  const authenticator = new Authenticator(config.ACCESS_TOKEN_SECRET, redis);
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    buildService: ({ name, url }) =>
      new SignedDataSource(
        name,
        config.subgraphUrls[name] ?? url ?? '',
        config.GATEWAY_SIGNING_SECRET,
      ),
  });

  const http = createHttpService<GatewayContext>({
    logger,
    metrics,
    readiness: gatewayReadiness(config.subgraphUrls, redis),
    createApollo: (httpServer) =>
      new ApolloServer<GatewayContext>({
        gateway,
        introspection: config.NODE_ENV !== 'production',
        includeStacktraceInErrorResponses: false,
        formatError: formatError(logger),
        validationRules: [
          queryLimitsRule({
            maxDepth: config.MAX_QUERY_DEPTH,
            maxAliases: config.MAX_QUERY_ALIASES,
          }),
        ],
        plugins: [
          ApolloServerPluginDrainHttpServer({ httpServer }),
          ApolloServerPluginLandingPageDisabled(),
          requestLoggingPlugin<GatewayContext>(),
          metricsPlugin<GatewayContext>(metrics),
        ],
      }),
    context: requestContext(authenticator, logger, config.TRUST_PROXY),
  });

  return {
    http,
    logger,
    async stop() {
      await http.stop();
      await redis.quit().catch(() => undefined);
    },
  };
}

export { loadGatewayConfig, type GatewayConfig } from './config';
