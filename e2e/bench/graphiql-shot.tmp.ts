import { startTestInfrastructure } from '@shop/infra';
import { createGateway, loadGatewayConfig } from '@shop/gateway';
import { startStack } from '../src';

async function main() {
  const infra = await startTestInfrastructure();
  const stack = await startStack();
  const urls = Object.fromEntries(
    Object.entries(stack.subgraphs).map(([name, running]) => [
      `${name.toUpperCase()}_URL`,
      running.url,
    ]),
  );
  const gateway = createGateway(
    loadGatewayConfig({ ...stack.env, ...urls, NODE_ENV: 'development' }),
  );
  await gateway.http.listen(4000, '127.0.0.1');
  console.log('READY');
  process.on('SIGTERM', () => {
    void gateway
      .stop()
      .then(() => stack.stop())
      .then(() => infra.stop())
      .then(() => process.exit(0));
  });
}
void main();
