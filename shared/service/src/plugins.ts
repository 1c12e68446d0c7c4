import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { Logger } from '@shop/logger';
import { prefersGraphQLResponseJson } from './media-type';
import type { ServiceMetrics } from './metrics';

/** The code of an error as Apollo hands it to plugins; a raw error may have no extensions. */
function codeOf(error: GraphQLError): string {
  const code: unknown = error.extensions?.['code'];
  return typeof code === 'string' ? code : 'UNKNOWN';
}

interface LoggingContext extends BaseContext {
  requestId: string;
  logger: Logger;
}

/** Operations slower than this are logged at info even when they succeed. */
const SLOW_OPERATION_MS = 1_000;

/**
 * One structured log line per operation, carrying the request id the gateway assigned: at
 * info for operations that failed or took over a second, at debug for the rest. An info line
 * for every request cost CPU on the hot path and reached 89 MB in one benchmark run; the
 * per-request figures are in the metrics anyway.
 */
export function requestLoggingPlugin<
  TContext extends LoggingContext,
>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      const startedAt = performance.now();
      return {
        async willSendResponse({ operationName, errors, operation }) {
          const durationMs = performance.now() - startedAt;
          const notable = !!errors?.length || durationMs >= SLOW_OPERATION_MS;
          const level = notable ? 'info' : 'debug';
          if (!contextValue.logger.isLevelEnabled(level)) return;
          contextValue.logger[level](
            {
              operationName: operationName ?? null,
              operationType: operation?.operation ?? null,
              durationMs: Math.round(durationMs * 10) / 10,
              errorCodes: errors?.map(codeOf),
            },
            'graphql request',
          );
        },
      };
    },
  };
}

export function metricsPlugin<TContext extends BaseContext>(
  metrics: ServiceMetrics,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const stopTimer = metrics.operationDuration.startTimer();
      return {
        async willSendResponse({ errors, operation }) {
          stopTimer({
            operation_type: operation?.operation ?? 'unknown',
            outcome: errors?.length ? 'error' : 'ok',
          });
          for (const error of errors ?? []) {
            metrics.errors.inc({ code: codeOf(error) });
          }
        },
      };
    },
  };
}

/**
 * GraphQL over HTTP: a client that accepts only `application/json` gets 200 for a well-formed
 * request whose document fails to parse or validate, or whose variables do not coerce (the
 * errors are in the body); 4xx for those is reserved for `application/graphql-response+json`.
 * Malformed HTTP requests (no query, bad JSON) keep their 400.
 */
export function graphqlOverHttpStatusPlugin<
  TContext extends BaseContext,
>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          if (response.http.status !== 400 || response.body.kind !== 'single') return;
          const { errors } = response.body.singleResult;
          if (
            !errors?.length ||
            errors.some((error) => error.extensions?.['code'] === 'BAD_REQUEST')
          )
            return;
          if (prefersGraphQLResponseJson(request.http?.headers.get('accept'))) return;
          response.http.status = 200;
        },
      };
    },
  };
}
