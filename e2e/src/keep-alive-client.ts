import { Agent, request } from 'node:http';
import type { GraphQLResult } from './graphql-client';

export interface KeepAliveClient {
  /** Posts one GraphQL operation over the pool's sockets. */
  query<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResult<TData>>;
  close(): void;
}

/**
 * A GraphQL client over a bounded pool of keep-alive sockets, for load tests and benchmarks:
 * a thousand requests issued at once wait for a socket in the client instead of opening a
 * thousand connections, which would overflow the server's listen backlog (connections reset)
 * and measure connection set-up rather than the service.
 */
export function keepAliveClient(url: string, maxSockets = 64): KeepAliveClient {
  const agent = new Agent({ keepAlive: true, maxSockets });
  const target = new URL(url);
  return {
    query<TData>(query: string, variables: Record<string, unknown> = {}, token?: string) {
      const body = JSON.stringify({ query, variables });
      return new Promise<GraphQLResult<TData>>((resolve, reject) => {
        const outgoing = request(
          target,
          {
            method: 'POST',
            agent,
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              ...(token ? { authorization: `Bearer ${token}` } : {}),
            },
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('error', reject);
            response.on('end', () => {
              const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Omit<
                GraphQLResult<TData>,
                'status' | 'headers'
              >;
              const headers = new Headers();
              for (const [name, value] of Object.entries(response.headers)) {
                if (typeof value === 'string') headers.set(name, value);
              }
              resolve({ status: response.statusCode ?? 0, headers, ...parsed });
            });
          },
        );
        outgoing.on('error', reject);
        outgoing.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}
