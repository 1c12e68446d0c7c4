import { IntervalTask } from '@shop/lifecycle';
import type { SupportParts } from './services';

/**
 * One loop for the desk's catch-up work, every `SUPPORT_SWEEP_INTERVAL_MS`: SLA deadlines whose
 * timer never acted, resolved inquiries due to close, inquiries waiting for an agent, and
 * assignments a crash left half done. Each step is safe to repeat and to run beside the
 * request path and the timer worker.
 */
export function deskSweeper({ config, runtime, services }: SupportParts): IntervalTask {
  const steps = {
    'missed SLA deadlines': () => services.sla.sweep(),
    'auto-close': () => services.autoClose.sweep(),
    'waiting assignments': () => services.assignment.assignWaiting(),
    'interrupted assignments': () => services.assignment.recover(),
  };
  return new IntervalTask(
    'support-sweeper',
    config.SUPPORT_SWEEP_INTERVAL_MS,
    async () => {
      for (const [step, run] of Object.entries(steps)) {
        // One failing step must not keep the others from running.
        await run().catch((err: unknown) =>
          runtime.logger.error({ err, step }, 'sweep step failed'),
        );
      }
    },
    runtime.logger,
  );
}
