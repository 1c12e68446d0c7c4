import { OPEN_STATUSES, type InquiryStatus } from './inquiry-vocabulary';

/** Everything that writes an inquiry after its intake. */
export type InquiryAction =
  | 'assign'
  | 'reply'
  | 'note'
  | 'requestInfo'
  | 'customerMessage'
  | 'resolve'
  | 'setPriority'
  | 'rate'
  | 'close'
  | 'remind'
  | 'breach';

/**
 * Who acts: the customer who owns the inquiry, staff (AGENT or ADMIN), or the desk itself
 * (routing, timers, sweepers).
 */
export type ActorKind = 'CUSTOMER' | 'STAFF' | 'SYSTEM';

/** One allowed move: `action` taken by one of `by` in status `from` leaves it in `to`. */
export interface InquiryTransition {
  action: InquiryAction;
  from: InquiryStatus;
  to: InquiryStatus;
  by: readonly ActorKind[];
}

const move = (
  action: InquiryAction,
  by: readonly ActorKind[],
  moves: ReadonlyArray<readonly [InquiryStatus, InquiryStatus]>,
): InquiryTransition[] => moves.map(([from, to]) => ({ action, from, to, by }));

/** Actions that leave the status as it is, in each of `states`. */
const stay = (action: InquiryAction, by: readonly ActorKind[], states: readonly InquiryStatus[]) =>
  move(
    action,
    by,
    states.map((state) => [state, state] as const),
  );

const STAFF = ['STAFF'] as const;
const ALL_STATES: readonly InquiryStatus[] = [...OPEN_STATUSES, 'RESOLVED', 'CLOSED'];

/**
 * The state machine of an inquiry, as data: nothing else decides whether an action may happen
 * in a status, and `transition()` is the only writer that applies it.
 */
export const INQUIRY_TRANSITIONS: readonly InquiryTransition[] = [
  ...stay('assign', ['STAFF', 'SYSTEM'], OPEN_STATUSES),
  ...move('reply', STAFF, [
    ['OPEN', 'IN_PROGRESS'],
    ['IN_PROGRESS', 'IN_PROGRESS'],
    // Still waiting: an extra word from the agent does not answer the agent's own question.
    ['WAITING_FOR_CUSTOMER', 'WAITING_FOR_CUSTOMER'],
  ]),
  ...stay('note', STAFF, ALL_STATES),
  ...move('requestInfo', STAFF, [
    ['OPEN', 'WAITING_FOR_CUSTOMER'],
    ['IN_PROGRESS', 'WAITING_FOR_CUSTOMER'],
  ]),
  ...move(
    'customerMessage',
    ['CUSTOMER'],
    [
      ['OPEN', 'OPEN'],
      ['IN_PROGRESS', 'IN_PROGRESS'],
      ['WAITING_FOR_CUSTOMER', 'IN_PROGRESS'],
    ],
  ),
  ...move(
    'resolve',
    STAFF,
    OPEN_STATUSES.map((from) => [from, 'RESOLVED'] as const),
  ),
  ...stay('setPriority', STAFF, OPEN_STATUSES),
  ...stay('rate', ['CUSTOMER'], ['RESOLVED', 'CLOSED']),
  ...move('close', ['SYSTEM'], [['RESOLVED', 'CLOSED']]),
  ...stay('remind', ['SYSTEM'], ['OPEN', 'IN_PROGRESS']),
  // The clock is paused while WAITING_FOR_CUSTOMER: nothing can breach then.
  ...stay('breach', ['SYSTEM'], ['OPEN', 'IN_PROGRESS']),
];

/** The row allowing `action` by `actor` in `from`, if any. */
export function findTransition(
  action: InquiryAction,
  from: InquiryStatus,
  actor: ActorKind,
): InquiryTransition | undefined {
  return INQUIRY_TRANSITIONS.find(
    (row) => row.action === action && row.from === from && row.by.includes(actor),
  );
}

/** The statuses `action` may be taken in, for error messages. */
export function statusesAllowing(action: InquiryAction): InquiryStatus[] {
  return [
    ...new Set(INQUIRY_TRANSITIONS.filter((row) => row.action === action).map((row) => row.from)),
  ];
}
