import { startSubgraphProcess } from '@shop/service';
import { loadOrdersConfig } from './config';
import { createOrdersSubgraph } from './server';

startSubgraphProcess(() => loadOrdersConfig(), createOrdersSubgraph);
