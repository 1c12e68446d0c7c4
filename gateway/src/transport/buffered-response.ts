import type { FetcherHeaders, FetcherResponse } from '@apollo/utils.fetcher';

/**
 * A subgraph's answer already read into memory, with just what the data source reads of a
 * fetch Response. Cheaper than a WHATWG Response, which would wrap the text in a stream again
 * for every caller, and lets every caller of a shared request parse a copy of its own.
 */
export class BufferedResponse implements FetcherResponse {
  readonly bodyUsed = false;
  readonly redirected = false;
  readonly headers: FetcherHeaders;

  constructor(
    readonly url: string,
    readonly status: number,
    headers: Array<[string, string]>,
    private readonly body: string,
  ) {
    this.headers = new Headers(headers);
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  get statusText(): string {
    return String(this.status);
  }

  async text(): Promise<string> {
    return this.body;
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.body);
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return new TextEncoder().encode(this.body).buffer as ArrayBuffer;
  }

  clone(): FetcherResponse {
    return this;
  }
}
