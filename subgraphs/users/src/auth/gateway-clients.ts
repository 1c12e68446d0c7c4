import type { Server } from 'node:http';
import { REQUEST_ID_HEADER, verifyGatewayRequest, type ClientInfo } from '@shop/auth';

/**
 * The client facts (address, user agent) the gateway signed for each request in flight, by
 * request id. The shared subgraph runtime hands contexts only the identity, so this reads the
 * signed client header itself, as the request arrives, and forgets it when the response ends.
 */
export class GatewayClients {
  private readonly byRequestId = new Map<string, { client: ClientInfo; requests: number }>();

  constructor(
    private readonly audience: string,
    private readonly secret: string,
  ) {}

  /** Starts recording the clients of requests reaching `server`. */
  attach(server: Server): void {
    server.prependListener('request', (req, res) => {
      const proof = verifyGatewayRequest({
        audience: this.audience,
        secret: this.secret,
        headers: req.headers,
      });
      if (proof.kind !== 'gateway' || !proof.client) return;
      const requestId = String(req.headers[REQUEST_ID_HEADER]);
      const entry = this.byRequestId.get(requestId) ?? { client: proof.client, requests: 0 };
      entry.requests += 1;
      this.byRequestId.set(requestId, entry);
      res.once('close', () => {
        entry.requests -= 1;
        if (entry.requests === 0) this.byRequestId.delete(requestId);
      });
    });
  }

  /** The client of a request that came from the gateway, or null. */
  get(requestId: string): ClientInfo | null {
    return this.byRequestId.get(requestId)?.client ?? null;
  }
}
