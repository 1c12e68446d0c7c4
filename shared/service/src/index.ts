export { createMetrics, type ServiceMetrics } from './metrics';
export { bodyErrorAnswer } from './body-errors';
export { withTimeout } from './with-timeout';
export { requestLoggingPlugin, metricsPlugin, graphqlOverHttpStatusPlugin } from './plugins';
export {
  createHttpService,
  SERVER_KEEP_ALIVE_TIMEOUT_MS,
  type HttpService,
  type HttpServiceOptions,
  GRAPHQL_BODY_LIMIT_BYTES,
} from './http-service';
export {
  createSubgraphService,
  type SubgraphServiceOptions,
  type SubgraphBaseContext,
} from './subgraph-service';
export {
  DEFAULT_QUERY_LIMITS,
  queryLimits,
  queryLimitsFromEnv,
  type QueryLimits,
  type QueryLimitsSetup,
} from './query-limits';
export { operationCost, type CostModel } from './query-cost';
export { subgraphProtection, type SubgraphProtection } from './subgraph-protection';
export { RedisNonceStore, type NonceStore } from './nonce-store';
export {
  openSubgraphRuntime,
  type SubgraphRuntime,
  type SubgraphRuntimeOptions,
} from './subgraph-runtime';
export { DateTimeScalar } from './date-time-scalar';
export { startSubgraphProcess } from './start-subgraph-process';
export {
  createSubgraph,
  defineSubgraph,
  type Subgraph,
  type SubgraphConfig,
  type SubgraphDefinition,
  type SubgraphFoundation,
  type SubgraphParts,
} from './create-subgraph';
export {
  InternalClient,
  internalRouter,
  type InternalClientOptions,
  type InternalRoute,
} from './internal-api';
export { webhookRouter, type WebhookAnswer, type WebhookRequest } from './webhook-route';
