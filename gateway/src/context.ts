import type { ClientInfo, Identity } from '@shop/auth';
import type { Logger } from '@shop/logger';
import type { AnswerLeader } from './dedup/anonymous-answers';

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
  /** Set when identical anonymous requests wait for this one's answer. */
  answerLeader?: AnswerLeader;
}
