import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { signGatewayRequest } from '@shop/auth';
import type { GatewayContext } from './context';

/**
 * Sends each subgraph request with the caller's identity and the gateway's HMAC proof for that
 * subgraph, plus the request id so logs of one request can be followed across processes, and
 * the client's address and user agent (signed too) for login throttling and audit.
 */
export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraphName: string,
    url: string,
    private readonly signingSecret: string,
  ) {
    super({ url });
  }

  override willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = signGatewayRequest({
      audience: this.subgraphName,
      identity: 'identity' in context ? (context.identity ?? null) : null,
      requestId:
        'requestId' in context && context.requestId ? context.requestId : 'gateway-internal',
      secret: this.signingSecret,
      client: 'client' in context ? (context.client ?? null) : null,
    });
    for (const [name, value] of Object.entries(headers)) request.http?.headers.set(name, value);
  }
}
