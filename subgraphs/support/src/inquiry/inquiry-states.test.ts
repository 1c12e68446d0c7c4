import { findTransition, INQUIRY_TRANSITIONS, statusesAllowing } from './inquiry-states';

describe('the inquiry state machine', () => {
  it('has one row per action, status and actor at most', () => {
    const keys = INQUIRY_TRANSITIONS.flatMap((row) =>
      row.by.map((actor) => `${row.action}:${row.from}:${actor}`),
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('moves through the happy path: reply, ask, answer, resolve, close', () => {
    expect(findTransition('reply', 'OPEN', 'STAFF')?.to).toBe('IN_PROGRESS');
    expect(findTransition('requestInfo', 'IN_PROGRESS', 'STAFF')?.to).toBe('WAITING_FOR_CUSTOMER');
    expect(findTransition('customerMessage', 'WAITING_FOR_CUSTOMER', 'CUSTOMER')?.to).toBe(
      'IN_PROGRESS',
    );
    expect(findTransition('resolve', 'IN_PROGRESS', 'STAFF')?.to).toBe('RESOLVED');
    expect(findTransition('close', 'RESOLVED', 'SYSTEM')?.to).toBe('CLOSED');
  });

  it('refuses actions to the wrong actor or in the wrong status', () => {
    expect(findTransition('resolve', 'OPEN', 'CUSTOMER')).toBeUndefined();
    expect(findTransition('reply', 'RESOLVED', 'STAFF')).toBeUndefined();
    expect(findTransition('rate', 'IN_PROGRESS', 'CUSTOMER')).toBeUndefined();
    expect(findTransition('close', 'RESOLVED', 'STAFF')).toBeUndefined();
    expect(findTransition('breach', 'WAITING_FOR_CUSTOMER', 'SYSTEM')).toBeUndefined();
    expect(findTransition('customerMessage', 'CLOSED', 'CUSTOMER')).toBeUndefined();
  });

  it('names where an action is allowed', () => {
    expect(statusesAllowing('rate')).toEqual(['RESOLVED', 'CLOSED']);
    expect(statusesAllowing('requestInfo')).toEqual(['OPEN', 'IN_PROGRESS']);
  });
});
