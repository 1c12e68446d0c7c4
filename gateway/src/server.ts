import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import type { Request, RequestHandler } from 'express';
import { Counter } from 'prom-client';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { formatError, isDependencyFailure, ServiceUnavailableError } from '@shop/errors';
import { createLogger, type Logger } from '@shop/logger';
import { createRedis, type Redis } from '@shop/redis';
import {
  createHttpService,
  createMetrics,
  GRAPHQL_BODY_LIMIT_BYTES,
  graphqlOverHttpStatusPlugin,
  metricsPlugin,
  queryLimits,
  queryLimitsFromEnv,
  requestLoggingPlugin,
  type HttpService,
  type ServiceMetrics,
} from '@shop/service';
import { addressRateLimitPlugin } from './abuse/address-rate-limit';
import { Authenticator } from './auth/authenticator';
import { clientInfo } from './auth/client-info';
import type { GatewayConfig } from './config';
import type { GatewayContext } from './context';
import { circuitStates, gatewayReadiness } from './readiness';
import { CircuitBreaker } from './resilience/circuit-breaker';
import { AnonymousAnswers } from './dedup/anonymous-answers';
import { InflightRequests } from './dedup/inflight-requests';
import { graphiqlAvailable, graphiqlRouters } from './documents/graphiql';
import { warmQueryPlans } from './documents/plan-warmup';
import { TrustedDocuments, trustedDocumentsMiddleware } from './documents/trusted-documents';
import { SignedDataSource } from './signed-data-source';
import { subgraphAgent, subgraphFetcher } from './transport/subgraph-fetcher';

const SUPERGRAPH_PATH = join(__dirname, '../supergraph.graphql');
const REQUEST_ID = /^[\w-]{8,64}$/;

export interface Gateway {
  http: HttpService;
  logger: Logger;
  /** Subgraph requests sent and joined, and anonymous requests answered with another's bytes. */
  dedupStats(): { subgraphSent: number; subgraphJoined: number; operationsJoined: number };
  stop(): Promise<void>;
}

/** The caller's request id when well-formed, else a new one. */
function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * Sets the request id before anything else reads the request, so the logs, the context and the
 * response header carry the same one.
 */
const assignRequestId: RequestHandler = (req, res, next) => {
  const requestId = requestIdOf(req);
  res.locals['requestId'] = requestId;
  res.setHeader('x-request-id', requestId);
  next();
};

/**
 * Per request: identity, client and deadline. A token whose session cannot be checked because
 * Redis does not answer fails the request with SERVICE_UNAVAILABLE (503) rather than treating
 * the caller as anonymous.
 */
function requestContext(authenticator: Authenticator, logger: Logger, config: GatewayConfig) {
  return async (req: Request): Promise<GatewayContext> => {
    const deadline = Date.now() + config.REQUEST_TIMEOUT_MS;
    const requestId = String(req.res?.locals['requestId'] ?? randomUUID());
    const identity = await authenticator.identify(req.headers.authorization).catch((err) => {
      if (!isDependencyFailure(err)) throw err;
      logger.error({ err, reqId: requestId }, 'session check failed');
      const error = new ServiceUnavailableError();
      Object.assign(error.extensions, { http: { status: 503 } });
      throw error;
    });
    return {
      requestId,
      identity,
      client: clientInfo(req, config.TRUST_PROXY),
      logger: logger.child({ reqId: requestId, userId: identity?.userId }),
      deadline,
      answerLeader: AnonymousAnswers.leaderOf(req.res),
    };
  };
}

/** One circuit per subgraph, shared by its data source and `/ready`. */
function subgraphBreakers(config: GatewayConfig) {
  const breakers = new Map<string, CircuitBreaker>();
  const breakerFor = (name: string): CircuitBreaker => {
    const existing = breakers.get(name);
    if (existing) return existing;
    const breaker = new CircuitBreaker({
      failureThreshold: config.CIRCUIT_FAILURE_THRESHOLD,
      resetAfterMs: config.CIRCUIT_RESET_MS,
    });
    breakers.set(name, breaker);
    return breaker;
  };
  for (const name of Object.keys(config.subgraphUrls)) breakerFor(name);
  return { breakers, breakerFor };
}

function sharedAnswersCounter(metrics: ServiceMetrics): () => void {
  const counter = new Counter({
    name: 'graphql_shared_answers_total',
    help: 'Anonymous requests answered with the bytes of an identical one in flight',
    registers: [metrics.registry],
  });
  return () => counter.inc();
}

function rateLimits(config: GatewayConfig, redis: Redis) {
  return addressRateLimitPlugin(redis, config.GATEWAY_KEY_PREFIX, [
    {
      field: 'register',
      limit: config.REGISTER_IP_LIMIT,
      windowSeconds: config.REGISTER_IP_WINDOW_SECONDS,
    },
    {
      field: 'requestPasswordReset',
      limit: config.PASSWORD_RESET_IP_LIMIT,
      windowSeconds: config.PASSWORD_RESET_IP_WINDOW_SECONDS,
    },
  ]);
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
  const { breakers, breakerFor } = subgraphBreakers(config);
  const agent = subgraphAgent(config.SUBGRAPH_KEEP_ALIVE_MS);
  const inflight = new InflightRequests();
  const answers = new AnonymousAnswers({
    timeoutMs: config.REQUEST_TIMEOUT_MS,
    bodyLimit: GRAPHQL_BODY_LIMIT_BYTES,
    requestIdOf,
    onShared: sharedAnswersCounter(metrics),
  });
  const fetcher = subgraphFetcher({
    timeoutMs: config.SUBGRAPH_TIMEOUT_MS,
    agent,
    inflight: config.GATEWAY_DEDUP ? inflight : null,
  });
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    buildService: ({ name, url }) =>
      new SignedDataSource({
        subgraphName: name,
        url: config.subgraphUrls[name] ?? url ?? '',
        signingSecret: config.GATEWAY_SIGNING_SECRET,
        breaker: breakerFor(name),
        logger,
        fetcher,
      }),
  });
  const production = config.NODE_ENV === 'production';
  const limits = queryLimits<GatewayContext>(queryLimitsFromEnv(config), metrics);
  const documents = TrustedDocuments.load(config.PERSISTED_OPERATIONS_PATH);
  // Development only, and only where the packages are installed (not with --omit=dev).
  const graphiql = !production && graphiqlAvailable() ? graphiqlRouters(() => gateway.schema) : [];
  let apollo: ApolloServer<GatewayContext> | undefined;

  const http = createHttpService<GatewayContext>({
    logger,
    metrics,
    readiness: gatewayReadiness(config.subgraphUrls, redis, breakers),
    readinessDetails: () => ({ circuits: circuitStates(breakers)() }),
    routers: graphiql,
    ...(config.GATEWAY_DEDUP ? { intercept: answers.intercept.bind(answers) } : {}),
    beforeGraphql: [
      assignRequestId,
      trustedDocumentsMiddleware(documents, config.TRUSTED_DOCUMENTS_ONLY),
    ],
    onStarted: async () => {
      if (!apollo || !gateway.schema) return;
      const startedAt = performance.now();
      const planned = await warmQueryPlans(apollo, gateway.schema, documents, logger);
      logger.info(
        { planned, ms: Math.round(performance.now() - startedAt) },
        'query plans of persisted operations warmed',
      );
    },
    createApollo: (httpServer) =>
      (apollo = new ApolloServer<GatewayContext>({
        gateway,
        introspection: !production,
        includeStacktraceInErrorResponses: false,
        hideSchemaDetailsFromClientErrors: production,
        formatError: formatError(logger, { hideSuggestions: production }),
        parseOptions: limits.parseOptions,
        validationRules: limits.validationRules,
        plugins: [
          ApolloServerPluginDrainHttpServer({ httpServer }),
          ApolloServerPluginLandingPageDisabled(),
          // Cache hints are for HTTP caches we do not use; computing them costs every request.
          ApolloServerPluginCacheControlDisabled(),
          ...limits.plugins,
          rateLimits(config, redis),
          ...(config.GATEWAY_DEDUP ? [answers.plugin()] : []),
          graphqlOverHttpStatusPlugin<GatewayContext>(),
          requestLoggingPlugin<GatewayContext>(),
          metricsPlugin<GatewayContext>(metrics),
        ],
      })),
    context: requestContext(authenticator, logger, config),
  });

  return {
    http,
    logger,
    dedupStats: () => ({
      subgraphSent: inflight.sent,
      subgraphJoined: inflight.joined,
      operationsJoined: answers.joined,
    }),
    async stop() {
      await http.stop();
      await agent.close().catch(() => undefined);
      await redis.quit().catch(() => undefined);
    },
  };
}

export { loadGatewayConfig, type GatewayConfig } from './config';
