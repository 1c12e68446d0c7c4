import type { SlaStage } from '@shop/jobs';
import { isOpen, type InquiryPriority, type InquiryStatus } from '../inquiry/inquiry-vocabulary';

/** How long the desk has, from the moment a customer asks, at one priority. */
export interface SlaWindow {
  firstResponseMs: number;
  resolutionMs: number;
}

/** The SLA promise of the desk, from config. */
export interface SlaPolicy {
  windows: Readonly<Record<InquiryPriority, SlaWindow>>;
  /** Share of the first-response window after which the assignee is reminded. @defaultValue 0.75 */
  reminderFraction: number;
}

/** The SLA of one inquiry, as stored on it. Times not reached yet are null. */
export interface SlaState {
  firstResponseDueAt: Date;
  resolutionDueAt: Date;
  /** When the assignee is reminded of a first response still missing. */
  remindAt: Date;
  /** The deadline the queue sorts by: the first response until it is given, then resolution. */
  dueAt: Date;
  firstRespondedAt: Date | null;
  /** Set while the clock is paused (waiting for the customer). */
  pausedAt: Date | null;
  /** Paused time so far; every deadline not met yet has moved by it. */
  pausedMs: number;
  remindedAt: Date | null;
  firstResponseBreachedAt: Date | null;
  resolutionBreachedAt: Date | null;
  breached: boolean;
  /** The first breach. */
  breachedAt: Date | null;
  /** Version of the timer plan: raised whenever a deadline moves or stops mattering. */
  plan: number;
}

const plus = (at: Date, ms: number) => new Date(at.getTime() + ms);

/** The queue's deadline: the first response until it is given, then resolution. */
export function withDueAt(sla: Omit<SlaState, 'dueAt'> & { dueAt?: Date }): SlaState {
  return { ...sla, dueAt: sla.firstRespondedAt ? sla.resolutionDueAt : sla.firstResponseDueAt };
}

/** Deadlines of a new inquiry; plan 1. */
export function startSla(createdAt: Date, priority: InquiryPriority, policy: SlaPolicy): SlaState {
  const window = policy.windows[priority];
  return withDueAt({
    firstResponseDueAt: plus(createdAt, window.firstResponseMs),
    resolutionDueAt: plus(createdAt, window.resolutionMs),
    remindAt: plus(createdAt, window.firstResponseMs * policy.reminderFraction),
    firstRespondedAt: null,
    pausedAt: null,
    pausedMs: 0,
    remindedAt: null,
    firstResponseBreachedAt: null,
    resolutionBreachedAt: null,
    breached: false,
    breachedAt: null,
    plan: 1,
  });
}

/**
 * Deadlines after a change of priority: those not met yet are counted again from the moment the
 * customer asked, with the new priority's windows, plus the time paused so far. Met ones stay.
 */
export function replanForPriority(
  sla: SlaState,
  createdAt: Date,
  priority: InquiryPriority,
  policy: SlaPolicy,
): SlaState {
  const fresh = startSla(plus(createdAt, sla.pausedMs), priority, policy);
  const firstPending = !sla.firstRespondedAt;
  return withDueAt({
    ...sla,
    firstResponseDueAt: firstPending ? fresh.firstResponseDueAt : sla.firstResponseDueAt,
    remindAt: firstPending ? fresh.remindAt : sla.remindAt,
    resolutionDueAt: fresh.resolutionDueAt,
    plan: sla.plan + 1,
  });
}

/** Stops the clock (the desk waits for the customer). */
export function pauseSla(sla: SlaState, at: Date): SlaState {
  return { ...sla, pausedAt: at, plan: sla.plan + 1 };
}

/** Restarts the clock: every deadline not met moves by exactly the time paused. */
export function resumeSla(sla: SlaState, at: Date): SlaState {
  if (!sla.pausedAt) return sla;
  const paused = Math.max(0, at.getTime() - sla.pausedAt.getTime());
  const firstPending = !sla.firstRespondedAt;
  return withDueAt({
    ...sla,
    firstResponseDueAt: firstPending
      ? plus(sla.firstResponseDueAt, paused)
      : sla.firstResponseDueAt,
    remindAt: firstPending ? plus(sla.remindAt, paused) : sla.remindAt,
    resolutionDueAt: plus(sla.resolutionDueAt, paused),
    pausedAt: null,
    pausedMs: sla.pausedMs + paused,
    plan: sla.plan + 1,
  });
}

/** Records the first answer to the customer; later answers change nothing. */
export function respondSla(sla: SlaState, at: Date): SlaState {
  if (sla.firstRespondedAt) return sla;
  return withDueAt({ ...sla, firstRespondedAt: at, plan: sla.plan + 1 });
}

/** Marks a deadline missed; `breached`/`breachedAt` keep the first breach. */
export function breachSla(sla: SlaState, stage: BreachStage, at: Date): SlaState {
  return {
    ...sla,
    ...(stage === 'first-response'
      ? { firstResponseBreachedAt: at }
      : { resolutionBreachedAt: at }),
    breached: true,
    breachedAt: sla.breachedAt ?? at,
  };
}

export type BreachStage = Exclude<SlaStage, 'reminder'>;

/** When each timer of the inquiry is due, for the stages still pending; none while paused or closed. */
export function pendingTimers(
  sla: SlaState,
  status: InquiryStatus,
): Array<{ stage: SlaStage; at: Date }> {
  if (!isOpen(status) || sla.pausedAt) return [];
  const timers: Array<{ stage: SlaStage; at: Date }> = [];
  if (!sla.firstRespondedAt) {
    if (!sla.remindedAt) timers.push({ stage: 'reminder', at: sla.remindAt });
    if (!sla.firstResponseBreachedAt)
      timers.push({ stage: 'first-response', at: sla.firstResponseDueAt });
  }
  if (!sla.resolutionBreachedAt) timers.push({ stage: 'resolution', at: sla.resolutionDueAt });
  return timers;
}

/**
 * Whether a timer should act now: its stage is still pending and its time has come. A reminder
 * whose first-response deadline already passed is dropped: the breach says more.
 */
export function isStageDue(
  sla: SlaState,
  status: InquiryStatus,
  stage: SlaStage,
  now: Date,
): boolean {
  const timer = pendingTimers(sla, status).find((pending) => pending.stage === stage);
  if (!timer || timer.at > now) return false;
  return stage !== 'reminder' || now < sla.firstResponseDueAt;
}
