import { startSubgraphProcess } from '@shop/service';
import { loadProductsConfig } from './config';
import { createProductsSubgraph } from './server';

startSubgraphProcess(async () => {
  const config = loadProductsConfig();
  return { port: config.port, host: config.HOST, subgraph: await createProductsSubgraph(config) };
});
