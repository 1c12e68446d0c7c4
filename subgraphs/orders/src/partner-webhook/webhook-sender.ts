import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import {
  TargetRefusedError,
  checkTarget,
  hostOf,
  type CheckedTarget,
  type HostResolver,
  type TargetPolicy,
} from './ssrf-guard';

/** At most this much of a partner's answer is read; the rest is dropped with the connection. */
export const MAX_RESPONSE_BYTES = 64 * 1024;

/** What one attempt produced: the status (null when there was no answer) or the error. */
export interface SendOutcome {
  responseStatus: number | null;
  error: string | null;
  durationMs: number;
}

export interface WebhookSenderOptions {
  policy: TargetPolicy;
  timeoutMs: number;
  resolver?: HostResolver;
}

/** A lookup that answers with the address the guard checked, so no second DNS query is made. */
function pinnedLookup(target: CheckedTarget): LookupFunction {
  const { address, family } = target.address;
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

/**
 * Sends one signed webhook: checks the target again (DNS may have changed since the
 * subscription was made), connects to the checked address only, follows no redirect, gives up
 * after the timeout and reads at most 64 KiB of the answer.
 */
export class WebhookSender {
  private readonly agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: 64 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 64 }),
  };

  constructor(private readonly options: WebhookSenderOptions) {}

  /** One POST of `body` with `headers`; never throws. */
  async send(url: string, body: string, headers: Record<string, string>): Promise<SendOutcome> {
    const started = Date.now();
    const elapsed = () => Date.now() - started;
    let target: CheckedTarget;
    try {
      target = await checkTarget(url, this.options.policy, this.options.resolver);
    } catch (error) {
      const reason = error instanceof TargetRefusedError ? error.reason : String(error);
      return { responseStatus: null, error: `refused: the URL ${reason}`, durationMs: elapsed() };
    }
    try {
      const status = await this.post(target, body, headers);
      return { responseStatus: status, error: statusError(status), durationMs: elapsed() };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { responseStatus: null, error: message, durationMs: elapsed() };
    }
  }

  private post(target: CheckedTarget, body: string, headers: Record<string, string>) {
    const secure = target.url.protocol === 'https:';
    const transport = secure ? https : http;
    return new Promise<number>((resolve, reject) => {
      const request = transport.request(target.url, {
        method: 'POST',
        agent: secure ? this.agents.https : this.agents.http,
        lookup: pinnedLookup(target),
        servername: secure ? hostOf(target.url) : undefined,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'shop-webhooks/1',
          ...headers,
        },
      });
      const timer = setTimeout(
        () => request.destroy(new Error(`timed out after ${this.options.timeoutMs} ms`)),
        this.options.timeoutMs,
      );
      request.on('response', (response) => {
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_RESPONSE_BYTES) response.destroy();
        });
        const done = () => {
          clearTimeout(timer);
          resolve(response.statusCode ?? 0);
        };
        response.on('end', done);
        response.on('close', done);
        response.on('error', done);
      });
      request.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      request.end(body);
    });
  }

  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }
}

function statusError(status: number): string | null {
  if (status >= 200 && status < 300) return null;
  if (status >= 300 && status < 400) return `redirect ${status} not followed`;
  return `answered ${status}`;
}
