import { createLogger } from '@shop/logger';
import { ConfigError } from '@shop/config';
import type { Subgraph } from './create-subgraph';
import { runUntilSignal } from './run-until-signal';

/**
 * The body of every subgraph's `index.ts`: build, listen, stop cleanly on SIGINT/SIGTERM.
 * A bad configuration stops the process with the message naming the variable.
 */
export function startSubgraphProcess(
  build: () => Promise<{ port: number; host: string; subgraph: Subgraph }>,
): void {
  build()
    .then(async ({ port, host, subgraph }) => {
      await subgraph.http.listen(port, host);
      runUntilSignal(subgraph.runtime.logger, () => subgraph.stop());
    })
    .catch((error: unknown) => {
      const logger = createLogger('startup');
      if (error instanceof ConfigError) logger.fatal(error.message);
      else logger.fatal({ err: error }, 'failed to start');
      process.exit(1);
    });
}
