import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Logger } from '@shop/logger';
import type { ServiceMetrics } from './metrics';

interface LoggingContext extends BaseContext {
  requestId: string;
  logger: Logger;
}

/** One structured log line per operation, carrying the request id the gateway assigned. */
export function requestLoggingPlugin<
  TContext extends LoggingContext,
>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      const startedAt = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, errors, operation }) {
          const durationMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
          contextValue.logger.info(
            {
              operationName: operationName ?? null,
              operationType: operation?.operation ?? null,
              durationMs: Math.round(durationMs * 10) / 10,
              errorCodes: errors?.map((error) => error.extensions['code'] ?? 'UNKNOWN'),
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
            metrics.errors.inc({ code: String(error.extensions['code'] ?? 'UNKNOWN') });
          }
        },
      };
    },
  };
}
