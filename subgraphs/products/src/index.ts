import { startSubgraphProcess } from '@shop/service';
import { loadProductsConfig } from './config';
import { createProductsSubgraph } from './server';

startSubgraphProcess(() => loadProductsConfig(), createProductsSubgraph);
