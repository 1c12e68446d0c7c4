/** A subgraph answer as text, so every caller that shares it parses a copy of its own. */
export interface SubgraphAnswer {
  status: number;
  headers: Array<[string, string]>;
  body: string;
}

/**
 * Identical subgraph requests in flight at the same moment, sent once. The key must hold
 * everything that makes an answer private: the caller joins another's request only when the
 * subgraph, the signed identity and the body are all the same (see {@link dedupKeyOf}).
 * Nothing is kept once the answer arrived: this is not a cache.
 */
export class InflightRequests {
  private readonly pending = new Map<string, Promise<SubgraphAnswer>>();
  private joinedCount = 0;
  private sentCount = 0;

  /** Requests that shared another's answer instead of being sent. */
  get joined(): number {
    return this.joinedCount;
  }

  /** Requests actually sent. */
  get sent(): number {
    return this.sentCount;
  }

  run(key: string, send: () => Promise<SubgraphAnswer>): Promise<SubgraphAnswer> {
    const running = this.pending.get(key);
    if (running) {
      this.joinedCount += 1;
      return running;
    }
    this.sentCount += 1;
    const request = send().finally(() => this.pending.delete(key));
    this.pending.set(key, request);
    return request;
  }
}

/**
 * The identity of a subgraph request for deduplication: the subgraph URL, the signed identity
 * header exactly as sent (`x-shop-identity`: user, roles and session; empty for anonymous
 * callers) and the body (query, variables, operation name). Two users never share a key, nor
 * do two sessions of one user; anonymous callers share answers that are public anyway.
 */
export function dedupKeyOf(url: string, identityHeader: string, body: string): string {
  return `${url}\n${identityHeader}\n${body}`;
}
