import type { Queue } from 'bullmq';
import {
  QUEUE_NAMES,
  SLA_STAGES,
  createQueue,
  slaTimerJobId,
  type QueueConnection,
  type SlaTimerJob,
} from '@shop/jobs';
import type { Logger } from '@shop/logger';
import type { Clock } from '../clock';
import type { InquiryDocument } from '../inquiry/inquiry.model';
import { pendingTimers } from './sla-policy';

/** Plans from `previous` up to, not including, `current`. */
function stalePlans(previous: number, current: number): number[] {
  const first = Math.max(1, previous);
  return Array.from({ length: Math.max(0, current - first) }, (_, index) => first + index);
}

/** The part of an inquiry its timers depend on. */
type Planned = Pick<InquiryDocument, '_id' | 'status' | 'sla'>;

/**
 * Delayed BullMQ jobs that wake the desk at each SLA deadline of an inquiry. A plan is the set
 * of jobs for one version of the inquiry's deadlines: every change that moves or settles a
 * deadline raises the version and plans again, and jobs of older versions are removed here or,
 * if that fails, do nothing when they fire (the processor compares versions and deadlines).
 */
export class SlaTimers {
  readonly queue: Queue<SlaTimerJob>;

  constructor(
    connection: QueueConnection,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.queue = createQueue<SlaTimerJob>(QUEUE_NAMES.supportSla, connection);
  }

  /**
   * Plans the timers of the inquiry's current plan and removes those of the plans since
   * `previousPlan`. Job ids are per inquiry, stage and plan, so planning twice adds nothing.
   * Never throws: the change it follows is already written, and a deadline whose timer could
   * not be planned (Redis away) is caught by the SLA sweeper.
   */
  async plan(inquiry: Planned, previousPlan = inquiry.sla.plan - 1): Promise<void> {
    try {
      await this.schedule(inquiry, previousPlan);
    } catch (error) {
      this.logger.warn(
        { err: (error as Error).message, inquiryId: inquiry._id.toHexString() },
        'SLA timers not planned; the sweeper will catch the deadlines',
      );
    }
  }

  private async schedule(inquiry: Planned, previousPlan: number): Promise<void> {
    const inquiryId = inquiry._id.toHexString();
    const { plan } = inquiry.sla;
    const now = this.clock.now().getTime();
    await Promise.all([
      ...pendingTimers(inquiry.sla, inquiry.status).map(({ stage, at }) => {
        const job: SlaTimerJob = { inquiryId, stage, plan, dueAt: at.toISOString() };
        return this.queue.add(stage, job, {
          jobId: slaTimerJobId(job),
          delay: Math.max(0, at.getTime() - now),
          removeOnComplete: { age: 24 * 3_600, count: 10_000 },
        });
      }),
      ...stalePlans(previousPlan, plan).flatMap((old) =>
        SLA_STAGES.map((stage) => this.discard({ inquiryId, stage, plan: old })),
      ),
    ]);
  }

  /** Removes a timer of an old plan; one that cannot be removed (running) will find itself stale. */
  private async discard(job: Pick<SlaTimerJob, 'inquiryId' | 'stage' | 'plan'>): Promise<void> {
    try {
      await this.queue.remove(slaTimerJobId(job));
    } catch (error) {
      this.logger.debug({ err: (error as Error).message, job }, 'stale SLA timer left to expire');
    }
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
