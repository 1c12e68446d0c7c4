export { uniqueName } from './unique-name';
export { mailSink, smsSink, type SinkClient } from './sink-client';
export { pgSandbox, dataPlatform, carrierSandbox } from './sandbox-clients';
export { waitFor } from './wait-for';
export { callAsGateway, type GatewayCall } from './gateway-client';
export { startTestInfrastructure, type TestInfrastructure } from './test-infrastructure';
