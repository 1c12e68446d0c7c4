import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { parse } from 'graphql';
import { signGatewayRequest } from '@shop/auth';
import type { Logger } from '@shop/logger';
import type { GatewayContext } from './context';
import type { CircuitBreaker } from './resilience/circuit-breaker';
import { unavailableErrors } from './resilience/unavailable-errors';
import { isConnectionReset } from './transport/connection-reset';
import { DEADLINE_HEADER, IDEMPOTENT_HEADER } from './transport/subgraph-fetcher';

export interface SignedDataSourceOptions {
  subgraphName: string;
  url: string;
  signingSecret: string;
  breaker: CircuitBreaker;
  logger: Logger;
  /** Sends the signed request: deadline, keep-alive agent, in-flight deduplication. */
  fetcher: Fetcher;
}

/** A query (or the planner's anonymous `{ … }`) changes nothing and may be sent twice. */
function isIdempotent(query: string | undefined): boolean {
  return !!query && !/^\s*(mutation|subscription)\b/.test(query);
}

/** A subgraph that did not answer in time, could not be reached, or answered 5xx. */
class SubgraphUnavailable extends Error {}

/**
 * Sends each subgraph request with the caller's identity and the gateway's HMAC proof for that
 * subgraph and this body, plus the request id and the client's address and user agent (signed
 * too). A subgraph that is down, slow (past its timeout or the request's deadline), failing
 * with 5xx, or behind an open circuit yields SERVICE_UNAVAILABLE for the fields it was to
 * fill, and the rest of the response keeps its data. A query whose kept-alive connection was
 * reset under it is sent once more, signed afresh; a mutation is never sent twice.
 */
export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(private readonly options: SignedDataSourceOptions) {
    super({ url: options.url, fetcher: options.fetcher });
  }

  override willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = signGatewayRequest({
      audience: this.options.subgraphName,
      identity: 'identity' in context ? (context.identity ?? null) : null,
      requestId:
        'requestId' in context && context.requestId ? context.requestId : 'gateway-internal',
      secret: this.options.signingSecret,
      client: 'client' in context ? (context.client ?? null) : null,
      body: {
        query: request.query,
        variables: request.variables,
        operationName: request.operationName,
      },
    });
    for (const [name, value] of Object.entries(headers)) request.http?.headers.set(name, value);
    const deadline = 'deadline' in context ? context.deadline : undefined;
    if (deadline) request.http?.headers.set(DEADLINE_HEADER, String(deadline));
    if (isIdempotent(request.query)) request.http?.headers.set(IDEMPOTENT_HEADER, '1');
  }

  /** Sends the request; an idempotent one whose connection was reset goes once more. */
  private async send(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<GatewayGraphQLResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      if (!isConnectionReset(error) || !isIdempotent(options.request.query)) throw error;
      this.options.logger.info(
        { subgraph: this.options.subgraphName },
        'connection reset, sending the query again',
      );
      return super.process(options);
    }
  }

  override async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<GatewayGraphQLResponse> {
    const { breaker, subgraphName } = this.options;
    // Planning a persisted operation at start: the plan is what was wanted, not the data.
    if ('warmup' in options.context && options.context.warmup) return { data: null };
    try {
      const deadline = 'deadline' in options.context ? options.context.deadline : undefined;
      if (deadline !== undefined && deadline <= Date.now())
        throw new SubgraphUnavailable('request deadline passed');
      if (!breaker.tryAcquire()) throw new SubgraphUnavailable('circuit open');
      let response: GatewayGraphQLResponse;
      try {
        response = await this.send(options);
      } catch (error) {
        if (!isUnavailability(error)) {
          breaker.succeeded();
          throw error;
        }
        breaker.failed();
        throw new SubgraphUnavailable(String((error as { message?: unknown }).message), {
          cause: error,
        });
      }
      breaker.succeeded();
      return response;
    } catch (error) {
      if (!(error instanceof SubgraphUnavailable)) throw error;
      this.options.logger.warn(
        { subgraph: subgraphName, reason: error.message, circuit: breaker.state },
        'subgraph unavailable',
      );
      const document =
        'document' in options && options.document
          ? options.document
          : parse(options.request.query ?? '{ __typename }');
      return {
        errors: unavailableErrors(
          document,
          options.request.variables,
          'A service this request needs is unavailable, try again shortly',
        ),
      };
    }
  }
}

/** Socket-level failures: the subgraph cannot be reached or went away mid-request. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * A failure to reach the subgraph or a 5xx answer, as opposed to a bug on our side. By name
 * and code, not class: fetch's errors (and DOMException) may come from another realm; undici's
 * own errors (timeouts, closed sockets) all have `UND_ERR_` codes.
 */
function isUnavailability(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { name, message, code, extensions } = error as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
    extensions?: { response?: { status?: unknown } };
  };
  if (name === 'TimeoutError' || name === 'AbortError') return true;
  if (name === 'TypeError' && message === 'fetch failed') return true;
  if (typeof code === 'string' && (code.startsWith('UND_ERR_') || NETWORK_CODES.has(code)))
    return true;
  const status = extensions?.response?.status;
  return typeof status === 'number' && status >= 500;
}
