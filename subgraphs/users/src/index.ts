import { startSubgraphProcess } from '@shop/service';
import { loadUsersConfig } from './config';
import { createUsersSubgraph } from './server';

startSubgraphProcess(async () => {
  const config = loadUsersConfig();
  return { port: config.port, host: config.HOST, subgraph: await createUsersSubgraph(config) };
});
