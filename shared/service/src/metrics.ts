import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface ServiceMetrics {
  registry: Registry;
  operationDuration: Histogram<'operation_type' | 'outcome'>;
  errors: Counter<'code'>;
  /** Documents refused by a query limit, by the refusal's code. */
  limitRejections: Counter<'code'>;
}

/** One registry per process, with Node's default metrics and the GraphQL request metrics. */
export function createMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    // Labels stay low-cardinality on purpose: operation names are chosen by clients.
    operationDuration: new Histogram({
      name: 'graphql_operation_duration_seconds',
      help: 'Time to execute a GraphQL operation',
      labelNames: ['operation_type', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'graphql_errors_total',
      help: 'GraphQL errors returned to callers, by extensions.code',
      labelNames: ['code'],
      registers: [registry],
    }),
    limitRejections: new Counter({
      name: 'graphql_query_limit_rejections_total',
      help: 'Documents refused by a query limit (depth, aliases, directives, tokens, cost)',
      labelNames: ['code'],
      registers: [registry],
    }),
  };
}
