import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { GatewayContext } from '../context';

type Answer = FormattedExecutionResult | null;

/**
 * Identical anonymous queries in flight at the same moment run once: the first one runs, the
 * others wait for its answer and send it as their own. Only for callers without identity, so
 * the shared answer is public; each follower still passed the limits and every check before
 * it joined. A leader whose answer is not a single result lets its followers run themselves.
 * Counts are kept for the benchmark and tests.
 */
export class AnonymousOperationDedup {
  private readonly running = new Map<string, Promise<Answer>>();
  private readonly counts = { joined: 0 };

  /** Operations that were answered with another one's result. */
  get joined(): number {
    return this.counts.joined;
  }

  plugin(): ApolloServerPlugin<GatewayContext> {
    const { running, counts } = this;
    return {
      async requestDidStart() {
        let settle: ((answer: Answer) => void) | undefined;
        let key: string | undefined;
        return {
          async responseForOperation({ request, operation, contextValue }) {
            if (contextValue.identity || contextValue.warmup || operation.operation !== 'query')
              return null;
            key = JSON.stringify([request.query, request.operationName, request.variables]);
            const leader = running.get(key);
            if (!leader) {
              running.set(key, new Promise<Answer>((resolve) => (settle = resolve)));
              return null;
            }
            const answer = await withinDeadline(leader, contextValue.deadline);
            if (!answer) return null;
            counts.joined += 1;
            return {
              http: { headers: new HeaderMap() },
              body: { kind: 'single', singleResult: answer },
            };
          },
          async willSendResponse({ response }) {
            if (!settle || key === undefined) return;
            running.delete(key);
            settle(response.body.kind === 'single' ? response.body.singleResult : null);
          },
        };
      },
    };
  }
}

/** The leader's answer, or null (run it yourself) if it has not come by the caller's deadline. */
async function withinDeadline(leader: Promise<Answer>, deadline: number): Promise<Answer> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Answer>((resolve) => {
    timer = setTimeout(() => resolve(null), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([leader, late]);
  } finally {
    clearTimeout(timer);
  }
}
