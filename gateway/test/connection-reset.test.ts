import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { createLogger } from '@shop/logger';
import { CircuitBreaker } from '../src/resilience/circuit-breaker';
import { SignedDataSource } from '../src/signed-data-source';
import { subgraphAgent, subgraphFetcher } from '../src/transport/subgraph-fetcher';

/**
 * A real HTTP server that, on the requests chosen, destroys the socket of a kept-alive
 * connection instead of answering: what a client meets when it reuses a socket the server is
 * closing at that instant.
 */
async function flakyServer(resetOn: Set<number>) {
  const seen: Array<{ signature: string; body: string }> = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ signature: String(req.headers['x-shop-signature']), body });
      if (resetOn.has(seen.length)) {
        req.socket.destroy();
        return;
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { answer: seen.length } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, seen, close: () => server.close() };
}

function dataSource(url: string) {
  const agent = subgraphAgent(10_000);
  const source = new SignedDataSource({
    subgraphName: 'products',
    url,
    signingSecret: 'test-signing-secret-of-32-characters!',
    breaker: new CircuitBreaker({ failureThreshold: 5, resetAfterMs: 1_000 }),
    logger: createLogger('test', 'silent'),
    fetcher: subgraphFetcher({ timeoutMs: 2_000, agent }),
  });
  const send = (query: string) =>
    source.process({
      kind: GraphQLDataSourceRequestKind.HEALTH_CHECK,
      request: { query, variables: {} },
      context: { requestId: 'connection-reset-test', identity: null, client: null },
    });
  return { send, close: () => agent.close() };
}

describe('a kept-alive connection reset under a subgraph request', () => {
  it('sends a query once more, signed afresh, and the caller gets its data', async () => {
    const server = await flakyServer(new Set([2]));
    const { send, close } = dataSource(server.url);
    try {
      expect((await send('{ answer }')).data).toEqual({ answer: 1 });
      // Second request: same kept-alive socket, destroyed by the server.
      const retried = await send('{ answer }');
      expect(retried.errors).toBeUndefined();
      expect(retried.data).toEqual({ answer: 3 });
      expect(server.seen).toHaveLength(3);
      expect(server.seen[2]?.signature).not.toBe(server.seen[1]?.signature);
    } finally {
      await close();
      server.close();
    }
  });

  it('never sends a mutation twice: the caller gets SERVICE_UNAVAILABLE', async () => {
    const server = await flakyServer(new Set([2]));
    const { send, close } = dataSource(server.url);
    try {
      await send('{ answer }');
      const result = await send('mutation { answer }');
      expect(result.errors?.map((error) => error.extensions?.['code'])).toEqual([
        'SERVICE_UNAVAILABLE',
      ]);
      expect(server.seen).toHaveLength(2);
    } finally {
      await close();
      server.close();
    }
  });
});
