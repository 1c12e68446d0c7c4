/**
 * Child process of the gateway and catalog benchmarks: the products subgraph alone, as in
 * production, where every subgraph is its own process (in one process the five subgraphs share
 * a single core). Answers over IPC: `build` (its read model), `counts` (GraphQL requests
 * served), `seed` (a generated catalog of `scale` products), `heap` (heap in use after
 * collecting garbage, with --expose-gc), `sample` (ids of 50 products from the middle of the
 * catalog), `watch` / `queries` (database finds and aggregates sent in between).
 */
import type { IncomingMessage } from 'node:http';
import { createProductsSubgraph, loadProductsConfig, seedCatalog } from '@shop/products-subgraph';

interface Message {
  type: string;
  scale?: number;
}

type ProductsSubgraph = Awaited<ReturnType<typeof createProductsSubgraph>>;

/** Database finds and aggregates on products and categories from `watch` to `queries`. */
function queryWatcher(subgraph: ProductsSubgraph) {
  const seen: string[] = [];
  const client = subgraph.runtime.mongo.getClient();
  const listener = (event: { commandName: string; command: Record<string, unknown> }) => {
    if (event.commandName !== 'find' && event.commandName !== 'aggregate') return;
    const collection = String(event.command[event.commandName]);
    // Background work queries other collections; keep only what requests read.
    if (collection === 'products' || collection === 'categories') seen.push(collection);
  };
  return {
    watch() {
      seen.length = 0;
      client.on('commandStarted', listener);
    },
    stop(): string[] {
      client.off('commandStarted', listener);
      return [...seen];
    },
  };
}

async function sampleIds(subgraph: ProductsSubgraph): Promise<string[]> {
  const products = subgraph.runtime.mongo.collection('products');
  const middle = Math.floor((await products.estimatedDocumentCount()) / 2);
  const rows = await products
    .find({}, { projection: { _id: 1 } })
    .skip(middle)
    .limit(50)
    .toArray();
  return rows.map((row) => String(row['_id']));
}

/** A build cut short by a slow MongoDB round trip is tried again, twice at most. */
async function buildReadModel(subgraph: ProductsSubgraph): Promise<object> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await subgraph.services.searchIndex.ensureReady();
      return {};
    } catch (error) {
      console.log(`read model build attempt ${attempt} failed: ${String(error)}`);
      if (attempt === 3) throw error;
    }
  }
}

function settledHeap(): number {
  global.gc?.();
  global.gc?.();
  return process.memoryUsage().heapUsed;
}

async function main() {
  const port = Number(process.env['BENCH_PRODUCTS_PORT']);
  const subgraph = await createProductsSubgraph(loadProductsConfig(process.env));
  let served = 0;
  subgraph.http.httpServer.prependListener('request', (req: IncomingMessage) => {
    if (req.url === '/graphql') served += 1;
  });
  const { url } = await subgraph.http.listen(port);
  process.send?.({ type: 'ready', url });
  const queries = queryWatcher(subgraph);
  const reply = (type: string, work: () => Promise<object> | object) =>
    void Promise.resolve()
      .then(work)
      .then((fields) => process.send?.({ type, ...fields }));
  process.on('message', (message: Message) => {
    if (message.type === 'seed') {
      reply('seeded', () => seedCatalog(subgraph.runtime.mongo, Number(message.scale)));
    }
    if (message.type === 'heap') reply('heap', () => ({ bytes: settledHeap() }));
    if (message.type === 'sample')
      reply('sample', async () => ({ ids: await sampleIds(subgraph) }));
    if (message.type === 'watch') reply('watching', () => (queries.watch(), {}));
    if (message.type === 'queries') reply('queries', () => ({ seen: queries.stop() }));
    if (message.type === 'build') reply('built', () => buildReadModel(subgraph));
    if (message.type === 'counts') process.send?.({ type: 'counts', counts: { products: served } });
    if (message.type === 'stop') void subgraph.stop().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
