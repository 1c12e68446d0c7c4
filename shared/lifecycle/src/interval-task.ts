import type { Logger } from '@shop/logger';
import type { BackgroundTask } from './background-task';

/**
 * Runs `pass` every `intervalMs` (after the previous pass finished, never overlapping);
 * a failed pass is logged and the next one runs on schedule. `stop` waits for a running pass.
 */
export class IntervalTask implements BackgroundTask {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(
    readonly name: string,
    private readonly intervalMs: number,
    private readonly pass: () => Promise<unknown>,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pass()
        .then(() => undefined)
        .catch((err: unknown) =>
          this.logger.error({ err, task: this.name }, 'background pass failed'),
        )
        .then(() => this.schedule());
    }, this.intervalMs);
  }
}
