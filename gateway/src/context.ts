import type { ClientInfo, Identity } from '@shop/auth';
import type { Logger } from '@shop/logger';

export interface GatewayContext {
  requestId: string;
  identity: Identity | null;
  /** The caller's address and user agent, forwarded to subgraphs under the gateway's signature. */
  client: ClientInfo;
  logger: Logger;
  /** Epoch milliseconds after which no subgraph call is made or awaited. */
  deadline: number;
  /** Planning a persisted operation at start: no subgraph is called, no counter moves. */
  warmup?: boolean;
  /**
   * Set when identical anonymous requests wait for this one's answer (`dedup/anonymous-answers`):
   * marked public once the operation proved to be an anonymous query, it is shared with them.
   */
  answerLeader?: { markPublic(): void };
}
