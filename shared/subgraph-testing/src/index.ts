export {
  callAsGateway,
  errorCodesOf,
  type GatewayCall,
  type GatewayResult,
} from './gateway-client';
export { startSubgraphForTest, testIdentity, type SubgraphForTest } from './subgraph-for-test';
