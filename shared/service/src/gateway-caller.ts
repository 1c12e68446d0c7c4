import type { Request } from 'express';
import { GraphQLError } from 'graphql';
import {
  SIGNATURE_MAX_AGE_SECONDS,
  verifyGatewayRequest,
  type ClientInfo,
  type Identity,
  type SignedGraphQLBody,
} from '@shop/auth';
import type { Logger } from '@shop/logger';
import type { NonceStore } from './nonce-store';

/** What a verified gateway request tells the subgraph. */
export interface GatewayCaller {
  requestId: string;
  identity: Identity | null;
  client: ClientInfo | null;
}

export interface GatewayCallerOptions {
  audience: string;
  secret: string;
  nonces: NonceStore;
  logger: Logger;
}

// Kept for twice the window: a signature dated up to the window ahead is still accepted.
const NONCE_TTL_SECONDS = 2 * SIGNATURE_MAX_AGE_SECONDS + 1;

function refused(message: string, code: string, status: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}

/**
 * Checks, before the document is even parsed, that a subgraph request is the one the gateway
 * signed: POST, a signature over this body and this subgraph within its window, and a nonce
 * never seen before. Anything else is refused with 401; a nonce store that cannot answer with
 * 503, never by letting the request through.
 */
export function gatewayCaller(options: GatewayCallerOptions) {
  return async (req: Request): Promise<GatewayCaller> => {
    if (req.method !== 'POST') {
      throw refused('Subgraphs accept only POST requests from the gateway', 'BAD_REQUEST', 405);
    }
    const body: SignedGraphQLBody =
      req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? req.body : {};
    const proof = verifyGatewayRequest({
      audience: options.audience,
      secret: options.secret,
      headers: req.headers,
      body,
    });
    if (proof.kind !== 'gateway') {
      const reason = proof.kind === 'forged' ? proof.reason : 'unsigned';
      options.logger.warn({ reason }, 'refused a request the gateway did not sign');
      throw refused('Only the gateway may call this service', 'UNAUTHENTICATED', 401);
    }
    let fresh: boolean;
    try {
      fresh = await options.nonces.claim(`${options.audience}:${proof.nonce}`, NONCE_TTL_SECONDS);
    } catch (err) {
      options.logger.error({ err }, 'nonce store unavailable');
      throw refused('A service this request needs is unavailable', 'SERVICE_UNAVAILABLE', 503);
    }
    if (!fresh) {
      options.logger.warn('refused a replayed gateway signature');
      throw refused('Only the gateway may call this service', 'UNAUTHENTICATED', 401);
    }
    return {
      requestId: String(req.headers['x-request-id'] ?? ''),
      identity: proof.identity,
      client: proof.client,
    };
  };
}
