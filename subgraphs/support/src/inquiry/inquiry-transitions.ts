import type { FilterQuery, UpdateQuery } from 'mongoose';
import { ConflictError } from '@shop/errors';
import { WITHOUT_OUTBOX, type DomainEvent } from '@shop/events';
import type { Clock } from '../clock';
import { withDueAt, type SlaState } from '../sla/sla-policy';
import type { SlaTimers } from '../sla/sla-timers';
import { InvalidStateTransitionError, inquiryNotFound } from './inquiry-errors';
import type { InquiryDocument, InquiryMessageDocument, InquiryModel } from './inquiry.model';
import {
  findTransition,
  statusesAllowing,
  type ActorKind,
  type InquiryAction,
} from './inquiry-states';
import type { InquiryStatus } from './inquiry-vocabulary';

/** Who acts: a user (customer or staff) by id, or the desk itself (`system`). */
export interface Actor {
  kind: ActorKind;
  id: string;
}

/** What an action changes, decided from the inquiry as it is now. */
export interface InquiryChange {
  /** The audit line: what happened and, maybe, a detail (never message text). */
  audit: { kind: string; detail?: string };
  set?: Partial<
    Pick<
      InquiryDocument,
      | 'priority'
      | 'assigneeId'
      | 'resolution'
      | 'resolvedAt'
      | 'closedAt'
      | 'rating'
      | 'ratingComment'
    >
  >;
  /** The new SLA; its queue deadline is derived here. */
  sla?: SlaState;
  message?: InquiryMessageDocument;
  /** Events written to the outbox in the same update. */
  events?: DomainEvent[];
  /** Further conditions the write needs (e.g. not rated yet). */
  guard?: FilterQuery<InquiryDocument>;
}

/** Decides the change from the current inquiry and the status it moves to; null: nothing to do. */
export type ChangeBuilder = (
  current: InquiryDocument,
  to: InquiryStatus,
  now: Date,
) => InquiryChange | null;

const ATTEMPTS = 3;

/**
 * The only writer of inquiries after intake. Each action is checked against the state table,
 * then applied with one conditional update on `{_id, status: from, revision}` that also appends
 * the audit line, the message and the outbox events, so the change, its history and its events
 * are one atomic write. A write that loses a race is decided again from the fresh inquiry.
 * When the write moved a deadline, the SLA timers are planned again.
 */
export class InquiryTransitions {
  constructor(
    private readonly inquiries: InquiryModel,
    private readonly timers: SlaTimers,
    private readonly clock: Clock,
  ) {}

  /**
   * Applies `action` by `actor` to the inquiry and returns it as written (as it is, when the
   * builder found nothing to do).
   * `known`, the inquiry as the caller just read or wrote it, saves the first read; a stale
   * copy only costs a retry, since the write is conditional.
   * @throws NOT_FOUND for an unknown inquiry or another customer's; INVALID_STATE_TRANSITION
   * when the state table refuses; CONFLICT when concurrent changes kept winning.
   */
  async run(
    inquiryId: string,
    action: InquiryAction,
    actor: Actor,
    build: ChangeBuilder,
    known?: InquiryDocument,
  ): Promise<InquiryDocument> {
    return (await this.apply(inquiryId, action, actor, build, known)).inquiry;
  }

  /**
   * {@link run}, telling also whether this call wrote: a builder may run several times when
   * writes race, and only the last decision counts.
   */
  async apply(
    inquiryId: string,
    action: InquiryAction,
    actor: Actor,
    build: ChangeBuilder,
    known?: InquiryDocument,
  ): Promise<{ inquiry: InquiryDocument; changed: boolean }> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      const current = attempt === 0 && known ? known : await this.load(inquiryId, actor);
      const row = findTransition(action, current.status, actor.kind);
      if (!row)
        throw new InvalidStateTransitionError(action, current.status, statusesAllowing(action));
      const now = this.clock.now();
      const change = build(current, row.to, now);
      if (!change) return { inquiry: current, changed: false };
      const updated = await this.inquiries
        .findOneAndUpdate(
          {
            _id: current._id,
            status: current.status,
            // Any write since the read (a timer, the other side of the conversation) makes this
            // one decide again, so no action is taken twice or on a stale SLA.
            revision: current.revision ?? null,
            ...change.guard,
          },
          this.updateOf(row.to, change, actor, now),
          { new: true, projection: WITHOUT_OUTBOX, timestamps: false },
        )
        .lean<InquiryDocument>();
      if (!updated) continue;
      if (updated.sla.plan !== current.sla.plan) await this.timers.plan(updated, current.sla.plan);
      return { inquiry: updated, changed: true };
    }
    throw new ConflictError('The inquiry changed meanwhile; try again');
  }

  private async load(inquiryId: string, actor: Actor): Promise<InquiryDocument> {
    const current = await this.inquiries
      .findById(inquiryId, WITHOUT_OUTBOX)
      .lean<InquiryDocument>();
    // A customer acts only on their own inquiries; others do not exist for them.
    if (!current || (actor.kind === 'CUSTOMER' && current.customerId !== actor.id)) {
      throw inquiryNotFound(inquiryId);
    }
    return current;
  }

  private updateOf(
    to: InquiryStatus,
    change: InquiryChange,
    actor: Actor,
    now: Date,
  ): UpdateQuery<InquiryDocument> {
    const audit = {
      kind: change.audit.kind,
      by: actor.id,
      at: now,
      detail: change.audit.detail ?? null,
    };
    return {
      $set: {
        status: to,
        ...change.set,
        ...(change.sla ? { sla: withDueAt(change.sla) } : {}),
        updatedAt: now,
      },
      $inc: { revision: 1 },
      $push: {
        events: audit,
        ...(change.message ? { messages: change.message } : {}),
        ...(change.events?.length ? { outbox: { $each: change.events } } : {}),
      },
    };
  }
}
