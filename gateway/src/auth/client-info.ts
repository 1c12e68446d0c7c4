import type { Request } from 'express';
import type { ClientInfo } from '@shop/auth';

const MAX_USER_AGENT_LENGTH = 256;

/**
 * The caller's address and user agent. The address is the socket's peer unless the gateway is
 * configured to trust a proxy, in which case the first `X-Forwarded-For` hop is the client.
 */
export function clientInfo(req: Request, trustProxy: boolean): ClientInfo {
  const forwarded = req.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  const ip = (trustProxy && first) || req.socket.remoteAddress || 'unknown';
  const userAgent = (req.headers['user-agent'] ?? '').slice(0, MAX_USER_AGENT_LENGTH);
  return { ip: ip.replace(/^::ffff:/, ''), userAgent };
}
