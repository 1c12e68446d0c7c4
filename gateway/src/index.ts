import { ConfigError } from '@shop/config';
import { createLogger } from '@shop/logger';
import { runUntilSignal } from '@shop/lifecycle';
import { loadGatewayConfig } from './config';
import { createGateway } from './server';

async function main() {
  const config = loadGatewayConfig();
  const gateway = createGateway(config);
  await gateway.http.listen(config.GATEWAY_PORT, config.HOST);
  runUntilSignal(gateway.logger, () => gateway.stop());
}

main().catch((error: unknown) => {
  const logger = createLogger('gateway');
  if (error instanceof ConfigError) logger.fatal(error.message);
  else logger.fatal({ err: error }, 'failed to start');
  process.exit(1);
});
