import type { ApolloServerPlugin } from '@apollo/server';
import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { AppError, isDependencyFailure, ServiceUnavailableError } from '@shop/errors';
import type { Redis } from '@shop/redis';
import type { GatewayContext } from '../context';

/** At most `limit` uses of the mutation `field` per client address and window. */
export interface AddressLimit {
  field: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Rate-limits chosen mutations (sign-up and password-reset mails) per client address, before
 * anything runs: each use of the field counts, through fragments and aliases, in a fixed
 * Redis window. Over the limit the request answers RATE_LIMITED (HTTP 429) with
 * `retryAfterSeconds`; a Redis that does not answer makes it SERVICE_UNAVAILABLE.
 */
export function addressRateLimitPlugin(
  redis: Redis,
  keyPrefix: string,
  limits: AddressLimit[],
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, contextValue }) {
          if (operation?.operation !== 'mutation' || contextValue.warmup) return;
          const uses = rootFieldUses(document, operation);
          for (const rule of limits) {
            const count = uses.get(rule.field);
            if (!count) continue;
            const key = `${keyPrefix}rate:${rule.field}:${contextValue.client.ip}`;
            const wait = await take(redis, key, count, rule).catch((error: unknown) => {
              if (isDependencyFailure(error)) throw unavailable();
              throw error;
            });
            if (wait > 0) {
              throw new AppError('RATE_LIMITED', 'Too many requests, try again later', {
                retryAfterSeconds: wait,
                http: { status: 429 },
              });
            }
          }
        },
      };
    },
  };
}

function unavailable(): ServiceUnavailableError {
  const error = new ServiceUnavailableError();
  Object.assign(error.extensions, { http: { status: 503 } });
  return error;
}

/** Counts `count` uses in the window; the seconds to wait when over the limit, else 0. */
async function take(redis: Redis, key: string, count: number, rule: AddressLimit) {
  const replies =
    (await redis
      .multi()
      .incrby(key, count)
      .expire(key, rule.windowSeconds, 'NX')
      .ttl(key)
      .exec()) ?? [];
  const used = Number(replies[0]?.[1]);
  return used <= rule.limit ? 0 : Math.max(1, Number(replies[2]?.[1]));
}

/** How often each root field is selected, through fragments (each fragment counted once). */
export function rootFieldUses(
  document: DocumentNode,
  operation: OperationDefinitionNode,
): Map<string, number> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  const uses = new Map<string, number>();
  const seen = new Set<string>();
  const visit = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        uses.set(selection.name.value, (uses.get(selection.name.value) ?? 0) + 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  visit(operation.selectionSet);
  return uses;
}
