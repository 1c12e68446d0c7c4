import { startSubgraphProcess } from '@shop/service';
import { loadCartConfig } from './config';
import { createCartSubgraph } from './server';

startSubgraphProcess(() => loadCartConfig(), createCartSubgraph);
