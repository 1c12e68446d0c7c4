import { startSubgraphProcess } from '@shop/service';
import { loadOrdersConfig } from './config';
import { createOrdersSubgraph } from './server';

startSubgraphProcess(async () => {
  const config = loadOrdersConfig();
  return { port: config.port, host: config.HOST, subgraph: await createOrdersSubgraph(config) };
});
