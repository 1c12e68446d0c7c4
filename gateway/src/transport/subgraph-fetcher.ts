import type { Fetcher, FetcherRequestInit } from '@apollo/utils.fetcher';
import { Agent } from 'undici';
import { dedupKeyOf, type InflightRequests, type SubgraphAnswer } from '../dedup/inflight-requests';
import { BufferedResponse } from './buffered-response';

/** Headers the data source hands to the fetcher; never sent to the subgraph. */
export const DEADLINE_HEADER = 'x-shop-deadline';
export const IDEMPOTENT_HEADER = 'x-shop-idempotent';
const IDENTITY_HEADER = 'x-shop-identity';

export interface SubgraphFetcherOptions {
  /** Longest wait for one subgraph call; less when the request's deadline is nearer. */
  timeoutMs: number;
  /** Kept-alive connections to the subgraphs; shared by every data source. */
  agent: Agent;
  /**
   * Identical idempotent requests in flight, sent once; null sends every request.
   * @defaultValue null
   */
  inflight?: InflightRequests | null;
}

/**
 * The gateway's connections to the subgraphs: kept alive, closed by the gateway after
 * `idleMs` without use, which must be shorter than the subgraphs' own keep-alive timeout so
 * the gateway never reuses a socket the subgraph is closing (`SERVER_KEEP_ALIVE_TIMEOUT_MS`).
 */
export function subgraphAgent(idleMs: number, connectionsPerSubgraph = 64): Agent {
  return new Agent({
    keepAliveTimeout: idleMs,
    keepAliveMaxTimeout: idleMs,
    connections: connectionsPerSubgraph,
  });
}

/**
 * Sends a subgraph request within its deadline over the shared agent, with undici's plain
 * `request` (no WHATWG Request, Response or streams: they cost more CPU than the rest of the
 * call). An idempotent request (a query) joins an identical one in flight for the same signed
 * identity instead of being sent again: one signed request, one answer, parsed separately by
 * every caller.
 */
export function subgraphFetcher({
  timeoutMs,
  agent,
  inflight = null,
}: SubgraphFetcherOptions): Fetcher {
  return async (url: string, init: FetcherRequestInit = {}) => {
    const {
      [DEADLINE_HEADER]: deadlineHeader,
      [IDEMPOTENT_HEADER]: idempotent,
      ...headers
    } = init.headers ?? {};
    const deadline = Number(deadlineHeader ?? Infinity);
    const waitMs = Math.max(1, Math.min(timeoutMs, deadline - Date.now()));
    const body = typeof init.body === 'string' ? init.body : '';
    const send = async (): Promise<SubgraphAnswer> => {
      const response = await agent.request({
        origin: target.origin,
        path: target.pathname + target.search,
        method: init.method === 'GET' ? 'GET' : 'POST',
        headers,
        body,
        headersTimeout: waitMs,
        bodyTimeout: waitMs,
      });
      const answerHeaders: Array<[string, string]> = [];
      for (const [name, value] of Object.entries(response.headers)) {
        if (typeof value === 'string') answerHeaders.push([name, value]);
      }
      return {
        status: response.statusCode,
        headers: answerHeaders,
        body: await response.body.text(),
      };
    };
    const target = new URL(url);
    const answer =
      inflight && idempotent === '1'
        ? await inflight.run(dedupKeyOf(url, headers[IDENTITY_HEADER] ?? '', body), send)
        : await send();
    return new BufferedResponse(url, answer.status, answer.headers, answer.body);
  };
}
