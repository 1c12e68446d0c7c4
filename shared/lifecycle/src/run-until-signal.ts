import type { Logger } from '@shop/logger';

/**
 * Runs `stop` once on SIGINT or SIGTERM, then exits. A second signal, or a stop that takes
 * longer than `timeoutMs`, exits at once so a stuck dependency cannot hang a deploy.
 */
export function runUntilSignal(
  logger: Logger,
  stop: () => Promise<void>,
  timeoutMs = 10_000,
): void {
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error('shutdown timed out');
      process.exit(1);
    }, timeoutMs).unref();
    stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
