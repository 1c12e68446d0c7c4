/**
 * Child process of the gateway benchmark: the products subgraph alone, as in production, where
 * every subgraph is its own process (in one process the five subgraphs share a single core).
 * Serves the database the other subgraphs' process seeds; builds its read model on request;
 * counts the GraphQL requests it serves.
 */
import type { IncomingMessage } from 'node:http';
import { createProductsSubgraph, loadProductsConfig } from '@shop/products-subgraph';

async function main() {
  const port = Number(process.env['BENCH_PRODUCTS_PORT']);
  const subgraph = await createProductsSubgraph(loadProductsConfig(process.env));
  let served = 0;
  subgraph.http.httpServer.prependListener('request', (req: IncomingMessage) => {
    if (req.url === '/graphql') served += 1;
  });
  const { url } = await subgraph.http.listen(port);
  process.send?.({ type: 'ready', url });
  process.on('message', (message: { type: string }) => {
    if (message.type === 'build') {
      void subgraph.services.searchIndex
        .ensureReady()
        .then(() => process.send?.({ type: 'built' }));
    }
    if (message.type === 'counts') process.send?.({ type: 'counts', counts: { products: served } });
    if (message.type === 'stop') void subgraph.stop().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
