export { uniqueName } from './unique-name';
export { mailSink, smsSink, type SinkClient, type SinkMail, type SinkSms } from './sink-client';
export { waitFor } from './wait-for';
export { pgSandbox, dataPlatform, carrierSandbox } from './sandbox-clients';
export * from './sandbox-wire';
export { WebhookReceiver, type EndpointScript, type ReceivedWebhook } from './webhook-receiver';
