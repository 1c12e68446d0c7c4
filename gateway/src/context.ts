import type { Identity } from '@shop/auth';
import type { Logger } from '@shop/logger';

export interface GatewayContext {
  requestId: string;
  identity: Identity | null;
  logger: Logger;
}
