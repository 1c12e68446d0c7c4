import { startSubgraphProcess } from '@shop/service';
import { loadUsersConfig } from './config';
import { createUsersSubgraph } from './server';

startSubgraphProcess(() => loadUsersConfig(), createUsersSubgraph);
