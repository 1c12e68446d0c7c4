import { startSubgraphProcess } from '@shop/service';
import { loadCartConfig } from './config';
import { createCartSubgraph } from './server';

startSubgraphProcess(async () => {
  const config = loadCartConfig();
  return { port: config.port, host: config.HOST, subgraph: await createCartSubgraph(config) };
});
