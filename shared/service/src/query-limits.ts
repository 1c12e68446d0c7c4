import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLError, ParseOptions, ValidationContext, ValidationRule } from 'graphql';
import type { BaseEnv } from '@shop/config';
import { QueryLimitError, type QueryLimitCode } from '@shop/errors';
import type { ServiceMetrics } from './metrics';
import { operationCost } from './query-cost';

/** Limits every document is checked against before anything runs; see `docs/gateway.md`. */
export interface QueryLimits {
  /** Deepest nesting of fields, fragments flattened. @defaultValue 10 */
  maxDepth: number;
  /** Aliased fields, counted through fragments. @defaultValue 15 */
  maxAliases: number;
  /** Directive uses, counted through fragments. @defaultValue 50 */
  maxDirectives: number;
  /** Lexical tokens of the document, enforced while parsing. @defaultValue 2_000 */
  maxTokens: number;
  /** Estimated cost of the operation ({@link operationCost}). @defaultValue 5_000 */
  maxCost: number;
  /** Size assumed for a list of objects without `first`/`last`/`limit`. @defaultValue 10 */
  defaultListSize: number;
  /** Cost of each resolution of a field taking `first`/`last`/`limit`. @defaultValue 200 */
  listFetchCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 50,
  maxTokens: 2_000,
  maxCost: 5_000,
  defaultListSize: 10,
  listFetchCost: 200,
};

/** What to spread into an `ApolloServer` configuration to enforce the limits. */
export interface QueryLimitsSetup<TContext extends BaseContext> {
  parseOptions: ParseOptions;
  validationRules: ValidationRule[];
  plugins: Array<ApolloServerPlugin<TContext>>;
}

// graphql-js 16 spells it "more that"; accept the corrected spelling too.
const TOKEN_LIMIT_MESSAGE = /^Syntax Error: Document contains more tha[nt] \d+ tokens/;

/**
 * Enforces {@link QueryLimits} the same way on the gateway and every subgraph. Depth, aliases
 * and directives are GraphQL Armor's validation rules (each fragment measured once, however
 * often it is spread); tokens are graphql-js's own parser limit; cost is computed once the
 * operation and its variables are known. Each refusal is a {@link QueryLimitError} with its
 * own code and is counted in `graphql_query_limit_rejections_total`.
 */
export function queryLimits<TContext extends BaseContext>(
  limits: QueryLimits,
  metrics: ServiceMetrics,
): QueryLimitsSetup<TContext> {
  const refuse = (code: QueryLimitCode, limit: number, describe: (found: string) => string) => ({
    propagateOnRejection: false,
    exposeLimits: true,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const found = /found (\d+)/.exec(error.message)?.[1] ?? '?';
        metrics.limitRejections.inc({ code });
        context?.reportError(new QueryLimitError(code, describe(found), limit, Number(found)));
      },
    ],
  });
  return {
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [
      maxDepthRule({
        n: limits.maxDepth,
        flattenFragments: true,
        ignoreIntrospection: false,
        ...refuse('QUERY_TOO_DEEP', limits.maxDepth, (found) => {
          return `Query depth ${found} exceeds the limit of ${limits.maxDepth}`;
        }),
      }),
      maxAliasesRule({
        n: limits.maxAliases,
        ...refuse('TOO_MANY_ALIASES', limits.maxAliases, (found) => {
          return `Query uses ${found} aliases, more than the limit of ${limits.maxAliases}`;
        }),
      }),
      maxDirectivesRule({
        n: limits.maxDirectives,
        ...refuse('TOO_MANY_DIRECTIVES', limits.maxDirectives, (found) => {
          return `Query uses ${found} directives, more than the limit of ${limits.maxDirectives}`;
        }),
      }),
    ],
    plugins: [costLimitPlugin(limits, metrics), limitCodesPlugin(limits, metrics)],
  };
}

function costLimitPlugin<TContext extends BaseContext>(
  limits: QueryLimits,
  metrics: ServiceMetrics,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const cost = operationCost(schema, document, operation, request.variables ?? {}, limits);
          if (cost <= limits.maxCost) return;
          metrics.limitRejections.inc({ code: 'QUERY_TOO_COSTLY' });
          const found = Math.min(Math.round(cost), Number.MAX_SAFE_INTEGER);
          throw new QueryLimitError(
            'QUERY_TOO_COSTLY',
            `Query cost ${found} exceeds the limit of ${limits.maxCost}`,
            limits.maxCost,
            found,
          );
        },
      };
    },
  };
}

/**
 * Apollo gives every validation error the code GRAPHQL_VALIDATION_FAILED and the parser's token
 * limit GRAPHQL_PARSE_FAILED; restore the limit's own code so clients can tell them apart.
 */
function limitCodesPlugin<TContext extends BaseContext>(
  limits: QueryLimits,
  metrics: ServiceMetrics,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (error.originalError instanceof QueryLimitError) {
              Object.assign(error.extensions, { code: error.originalError.extensions['code'] });
              continue;
            }
            if (!TOKEN_LIMIT_MESSAGE.test(error.message)) continue;
            metrics.limitRejections.inc({ code: 'TOO_MANY_TOKENS' });
            error.message = `Query has more than ${limits.maxTokens} tokens`;
            Object.assign(error.extensions, { code: 'TOO_MANY_TOKENS', limit: limits.maxTokens });
          }
        },
      };
    },
  };
}

/** The limits from the `MAX_QUERY_*` and `QUERY_COST_*` variables of the shared environment. */
/** The variables of the shared environment that set the limits. */
type QueryLimitsEnv = Pick<
  BaseEnv,
  | 'MAX_QUERY_DEPTH'
  | 'MAX_QUERY_ALIASES'
  | 'MAX_QUERY_DIRECTIVES'
  | 'MAX_QUERY_TOKENS'
  | 'MAX_QUERY_COST'
  | 'QUERY_COST_DEFAULT_LIST_SIZE'
  | 'QUERY_COST_LIST_FETCH'
>;

export function queryLimitsFromEnv(env: QueryLimitsEnv): QueryLimits {
  return {
    maxDepth: env.MAX_QUERY_DEPTH,
    maxAliases: env.MAX_QUERY_ALIASES,
    maxDirectives: env.MAX_QUERY_DIRECTIVES,
    maxTokens: env.MAX_QUERY_TOKENS,
    maxCost: env.MAX_QUERY_COST,
    defaultListSize: env.QUERY_COST_DEFAULT_LIST_SIZE,
    listFetchCost: env.QUERY_COST_LIST_FETCH,
  };
}
