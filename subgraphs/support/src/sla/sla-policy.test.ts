import {
  breachSla,
  isStageDue,
  pauseSla,
  pendingTimers,
  replanForPriority,
  respondSla,
  resumeSla,
  startSla,
  type SlaPolicy,
} from './sla-policy';

const HOUR = 3_600_000;
const policy: SlaPolicy = {
  reminderFraction: 0.75,
  windows: {
    URGENT: { firstResponseMs: 1 * HOUR, resolutionMs: 8 * HOUR },
    HIGH: { firstResponseMs: 4 * HOUR, resolutionMs: 24 * HOUR },
    NORMAL: { firstResponseMs: 24 * HOUR, resolutionMs: 72 * HOUR },
    LOW: { firstResponseMs: 72 * HOUR, resolutionMs: 168 * HOUR },
  },
};
const created = new Date('2026-11-23T00:00:00Z');
const at = (hours: number) => new Date(created.getTime() + hours * HOUR);

describe('SLA due times', () => {
  it('counts both deadlines and the reminder (75 %) from the question', () => {
    const sla = startSla(created, 'URGENT', policy);
    expect(sla).toMatchObject({
      firstResponseDueAt: at(1),
      resolutionDueAt: at(8),
      remindAt: at(0.75),
      dueAt: at(1),
      plan: 1,
      breached: false,
    });
    expect(pendingTimers(sla, 'OPEN')).toEqual([
      { stage: 'reminder', at: at(0.75) },
      { stage: 'first-response', at: at(1) },
      { stage: 'resolution', at: at(8) },
    ]);
  });

  it('moves the queue deadline to resolution once answered, and drops first-response timers', () => {
    const sla = respondSla(startSla(created, 'HIGH', policy), at(2));
    expect(sla).toMatchObject({ firstRespondedAt: at(2), dueAt: at(24), plan: 2 });
    expect(respondSla(sla, at(3)).firstRespondedAt).toEqual(at(2));
    expect(pendingTimers(sla, 'IN_PROGRESS')).toEqual([{ stage: 'resolution', at: at(24) }]);
  });

  it('shifts deadlines not met by exactly the paused time, with no timers while paused', () => {
    const answered = respondSla(startSla(created, 'NORMAL', policy), at(1));
    const paused = pauseSla(answered, at(5));
    expect(pendingTimers(paused, 'WAITING_FOR_CUSTOMER')).toEqual([]);
    const resumed = resumeSla(paused, new Date(at(9).getTime() + 1_234));
    expect(resumed.resolutionDueAt.getTime() - answered.resolutionDueAt.getTime()).toBe(
      4 * HOUR + 1_234,
    );
    expect(resumed).toMatchObject({ pausedAt: null, pausedMs: 4 * HOUR + 1_234, plan: 4 });
    expect(resumed.firstResponseDueAt).toEqual(answered.firstResponseDueAt);
  });

  it('shifts the first response and its reminder too when paused before any answer', () => {
    const resumed = resumeSla(pauseSla(startSla(created, 'URGENT', policy), at(0.5)), at(2.5));
    expect(resumed).toMatchObject({
      firstResponseDueAt: at(3),
      remindAt: at(2.75),
      resolutionDueAt: at(10),
    });
  });

  it('replans on a priority change from the question, keeping paused time and met deadlines', () => {
    const resumed = resumeSla(
      pauseSla(respondSla(startSla(created, 'LOW', policy), at(1)), at(2)),
      at(3),
    );
    const urgent = replanForPriority(resumed, created, 'URGENT', policy);
    expect(urgent).toMatchObject({
      firstResponseDueAt: at(72),
      resolutionDueAt: at(9),
      dueAt: at(9),
      plan: resumed.plan + 1,
    });
  });

  it('acts on a stage only when due and pending; a late reminder gives way to the breach', () => {
    const sla = startSla(created, 'URGENT', policy);
    expect(isStageDue(sla, 'OPEN', 'reminder', at(0.7))).toBe(false);
    expect(isStageDue(sla, 'OPEN', 'reminder', at(0.75))).toBe(true);
    expect(isStageDue(sla, 'OPEN', 'reminder', at(1))).toBe(false);
    expect(isStageDue(sla, 'OPEN', 'first-response', at(1))).toBe(true);
    expect(isStageDue(sla, 'RESOLVED', 'first-response', at(1))).toBe(false);
    const breached = breachSla(sla, 'first-response', at(1));
    expect(breached).toMatchObject({
      breached: true,
      breachedAt: at(1),
      firstResponseBreachedAt: at(1),
    });
    expect(isStageDue(breached, 'OPEN', 'first-response', at(2))).toBe(false);
    const twice = breachSla(breached, 'resolution', at(8));
    expect(twice).toMatchObject({ breachedAt: at(1), resolutionBreachedAt: at(8) });
  });
});
