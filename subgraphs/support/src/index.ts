import { startSubgraphProcess } from '@shop/service';
import { loadSupportConfig } from './config';
import { createSupportSubgraph } from './server';

startSubgraphProcess(() => loadSupportConfig(), createSupportSubgraph);
