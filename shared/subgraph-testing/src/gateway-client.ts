import { signGatewayRequest, type Identity } from '@shop/auth';

export interface GatewayCall {
  /** The subgraph's GraphQL URL. */
  url: string;
  /** The subgraph's name, the audience of the signature. */
  audience: string;
  secret: string;
  identity?: Identity | null;
}

/** What a subgraph answered: the HTTP status and the GraphQL body. */
export interface GatewayResult<TData> {
  status: number;
  data?: TData | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/**
 * Calls a subgraph the way the gateway does, with a signed identity over this very body and a
 * fresh nonce, for tests of a single subgraph (its `_entities` resolution above all).
 */
export async function callAsGateway<TData = Record<string, unknown>>(
  call: GatewayCall,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GatewayResult<TData>> {
  const headers = signGatewayRequest({
    audience: call.audience,
    identity: call.identity ?? null,
    requestId: `test-${Date.now()}`,
    secret: call.secret,
    body: { query, variables },
  });
  const response = await fetch(call.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

/** The error codes of a result, in order, for compact assertions. */
export function errorCodesOf(result: {
  errors?: Array<{ extensions?: Record<string, unknown> }>;
}): unknown[] {
  return (result.errors ?? []).map((error) => error.extensions?.['code']);
}
