import { inquiryBreached, inquiryReminderDue } from '@shop/contracts';
import { AppError } from '@shop/errors';
import { WITHOUT_OUTBOX } from '@shop/events';
import { SLA_STAGES, type SlaStage, type SlaTimerJob } from '@shop/jobs';
import type { Logger } from '@shop/logger';
import type { Clock } from '../clock';
import { raisePriority } from '../inquiry/inquiry-priority';
import type { InquiryChange, InquiryTransitions } from '../inquiry/inquiry-transitions';
import { SYSTEM_ACTOR } from '../inquiry/inquiry-vocabulary';
import type { InquiryDocument, InquiryModel } from '../inquiry/inquiry.model';
import { breachSla, isStageDue, type BreachStage } from './sla-policy';

/** What a timer did. */
export type SlaOutcome = 'reminded' | 'breached' | 'stale';

/** Inquiries one sweep looks at. */
const SWEEP_BATCH = 100;
const SYSTEM = { kind: 'SYSTEM' as const, id: SYSTEM_ACTOR };

const STAGE_NAMES = { 'first-response': 'FIRST_RESPONSE', resolution: 'RESOLUTION' } as const;

function reminderChange(current: InquiryDocument, now: Date): InquiryChange {
  const due = current.sla.firstResponseDueAt.toISOString();
  return {
    sla: { ...current.sla, remindedAt: now },
    audit: {
      kind: 'SLA_REMINDER',
      detail: `first response due ${due}${current.assigneeId ? '' : '; nobody assigned'}`,
    },
    events: current.assigneeId
      ? [
          inquiryReminderDue.create({
            inquiryId: current._id.toHexString(),
            number: current.number,
            agentId: current.assigneeId,
            priority: current.priority,
            firstResponseDueAt: due,
          }),
        ]
      : [],
  };
}

/** A missed deadline: recorded at the moment it passed, priority up one step, admins alerted. */
function breachChange(current: InquiryDocument, stage: BreachStage): InquiryChange {
  const dueAt =
    stage === 'first-response' ? current.sla.firstResponseDueAt : current.sla.resolutionDueAt;
  const priority = raisePriority(current.priority);
  return {
    set: { priority },
    sla: breachSla(current.sla, stage, dueAt),
    audit: {
      kind: 'SLA_BREACHED',
      detail: `${stage} due ${dueAt.toISOString()}; priority ${current.priority} → ${priority}`,
    },
    events: [
      inquiryBreached.create({
        inquiryId: current._id.toHexString(),
        number: current.number,
        stage: STAGE_NAMES[stage],
        priority,
        previousPriority: current.priority,
        team: current.team,
        ...(current.assigneeId ? { agentId: current.assigneeId } : {}),
        dueAt: dueAt.toISOString(),
        breachedAt: dueAt.toISOString(),
      }),
    ],
  };
}

/**
 * What happens at an SLA deadline, for the timer worker and the sweeper alike: the inquiry is
 * read at that moment and the stage acts only if it is still pending, due, and of the plan the
 * timer was made for; the write is conditional, so a timer that fires twice, or a timer and the
 * sweeper together, act once.
 */
export class SlaService {
  constructor(
    private readonly deps: {
      inquiries: InquiryModel;
      transitions: InquiryTransitions;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  /** Acts on one timer; `stale` when the inquiry moved on since it was planned. */
  async fire(job: Pick<SlaTimerJob, 'inquiryId' | 'stage' | 'plan'>): Promise<SlaOutcome> {
    const action = job.stage === 'reminder' ? 'remind' : 'breach';
    try {
      const { changed } = await this.deps.transitions.apply(
        job.inquiryId,
        action,
        SYSTEM,
        (current, _to, now) => {
          if (
            current.sla.plan !== job.plan ||
            !isStageDue(current.sla, current.status, job.stage, now)
          )
            return null;
          return job.stage === 'reminder'
            ? reminderChange(current, now)
            : breachChange(current, job.stage);
        },
      );
      if (!changed) return 'stale';
      return job.stage === 'reminder' ? 'reminded' : 'breached';
    } catch (error) {
      // Resolved, waiting for the customer, or gone: the state table refuses, nothing is due.
      if (
        error instanceof AppError &&
        ['INVALID_STATE_TRANSITION', 'NOT_FOUND'].includes(error.code)
      ) {
        return 'stale';
      }
      throw error;
    }
  }

  /**
   * Acts on every deadline that passed without its timer acting (Redis lost the jobs, or they
   * could not be planned). Returns how many stages it acted on.
   */
  async sweep(): Promise<number> {
    const now = this.deps.clock.now();
    const overdue = await this.deps.inquiries
      .find(
        {
          status: { $in: ['OPEN', 'IN_PROGRESS'] },
          'sla.pausedAt': null,
          $or: [
            {
              'sla.firstRespondedAt': null,
              'sla.remindedAt': null,
              'sla.remindAt': { $lte: now },
              'sla.firstResponseDueAt': { $gt: now },
            },
            {
              'sla.firstRespondedAt': null,
              'sla.firstResponseBreachedAt': null,
              'sla.firstResponseDueAt': { $lte: now },
            },
            { 'sla.resolutionBreachedAt': null, 'sla.resolutionDueAt': { $lte: now } },
          ],
        },
        WITHOUT_OUTBOX,
      )
      .limit(SWEEP_BATCH)
      .lean<InquiryDocument[]>();
    let acted = 0;
    for (const inquiry of overdue) {
      const stages = SLA_STAGES.filter((stage: SlaStage) =>
        isStageDue(inquiry.sla, inquiry.status, stage, now),
      );
      for (const stage of stages) {
        const outcome = await this.fire({
          inquiryId: inquiry._id.toHexString(),
          stage,
          plan: inquiry.sla.plan,
        });
        if (outcome !== 'stale') acted += 1;
      }
    }
    if (acted) this.deps.logger.info({ acted }, 'SLA sweeper acted on missed deadlines');
    return acted;
  }
}
