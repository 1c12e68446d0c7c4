export { uniqueName } from './unique-name';
export { mailSink, smsSink, type SinkClient, type SinkMail, type SinkSms } from './sink-client';
export { pgSandbox, dataPlatform, carrierSandbox } from './sandbox-clients';
export { waitFor } from './wait-for';
export {
  callAsGateway,
  errorCodesOf,
  type GatewayCall,
  type GatewayResult,
} from './gateway-client';
export {
  startSubgraphForTest,
  testIdentity,
  type SubgraphForTest,
} from './subgraph-for-test';
export * from './sandbox-wire';
