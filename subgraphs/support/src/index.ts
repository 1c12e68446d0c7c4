import { startSubgraphProcess } from '@shop/service';
import { loadSupportConfig } from './config';
import { createSupportSubgraph } from './server';

startSubgraphProcess(async () => {
  const config = loadSupportConfig();
  return { port: config.port, host: config.HOST, subgraph: await createSupportSubgraph(config) };
});
