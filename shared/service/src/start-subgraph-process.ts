import { ConfigError } from '@shop/config';
import { runUntilSignal } from '@shop/lifecycle';
import { createLogger } from '@shop/logger';
import type { Subgraph, SubgraphConfig } from './create-subgraph';

/**
 * The body of every subgraph's `index.ts`: load the configuration, build, listen, and stop
 * cleanly on SIGINT/SIGTERM. A bad configuration stops the process with the message naming
 * the variable.
 */
export function startSubgraphProcess<TConfig extends SubgraphConfig>(
  loadConfig: () => TConfig,
  create: (config: TConfig) => Promise<Subgraph>,
): void {
  const start = async () => {
    const config = loadConfig();
    const subgraph = await create(config);
    await subgraph.http.listen(config.port, config.HOST);
    runUntilSignal(subgraph.runtime.logger, () => subgraph.stop());
  };
  start().catch((error: unknown) => {
    const logger = createLogger('startup');
    if (error instanceof ConfigError) logger.fatal(error.message);
    else logger.fatal({ err: error }, 'failed to start');
    process.exit(1);
  });
}
