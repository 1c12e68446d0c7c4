import { mentions, priorityOf, raisePriority, type PriorityFacts } from './inquiry-priority';

const facts = (overrides: Partial<PriorityFacts> = {}): PriorityFacts => ({
  category: 'ORDER',
  subject: '배송 문의',
  body: '언제 도착하나요?',
  order: null,
  repeatWithinDay: false,
  ...overrides,
});

describe('priority rules', () => {
  it('starts from the category: PAYMENT high, OTHER low, the rest normal', () => {
    expect(priorityOf(facts()).priority).toBe('NORMAL');
    expect(priorityOf(facts({ category: 'PAYMENT' })).priority).toBe('HIGH');
    expect(priorityOf(facts({ category: 'OTHER' })).priority).toBe('LOW');
  });

  it('finds Korean words inside compounds and English words by their start', () => {
    expect(mentions('빨리 환불해주세요', ['환불'])).toBe(true);
    expect(mentions('refunded twice', ['refund'])).toBe(true);
    expect(mentions('prerefund', ['refund'])).toBe(false);
    expect(mentions('unbroken seal', ['broken'])).toBe(false);
  });

  it('raises on urgent, damage and refund words, whatever the case', () => {
    expect(priorityOf(facts({ body: '긴급요청입니다' }))).toEqual({
      priority: 'URGENT',
      reasons: ['category ORDER', 'urgent words'],
    });
    expect(priorityOf(facts({ subject: 'Item arrived BROKEN' })).priority).toBe('HIGH');
    expect(priorityOf(facts({ body: '상자가 파손되어 왔어요' })).priority).toBe('HIGH');
    expect(priorityOf(facts({ category: 'OTHER', body: 'I want a Refund' })).priority).toBe('HIGH');
  });

  it('weighs the order: high value or troubled payment is HIGH', () => {
    const order = (amount: number, status = 'PAID') => ({
      total: { amount, currency: 'KRW' },
      status,
    });
    expect(priorityOf(facts({ order: order(299_999) })).priority).toBe('NORMAL');
    expect(priorityOf(facts({ order: order(300_000) })).priority).toBe('HIGH');
    expect(priorityOf(facts({ order: order(10_000, 'PAYMENT_FAILED') })).priority).toBe('HIGH');
    expect(
      priorityOf(facts({ order: { total: { amount: 900_000, currency: 'USD' }, status: 'PAID' } }))
        .priority,
    ).toBe('NORMAL');
  });

  it('raises a repeat inquiry within a day one step, after the floors, URGENT at most', () => {
    expect(priorityOf(facts({ category: 'OTHER', repeatWithinDay: true }))).toEqual({
      priority: 'NORMAL',
      reasons: ['category OTHER', 'repeat inquiry within 24 h'],
    });
    expect(priorityOf(facts({ body: 'refund', repeatWithinDay: true })).priority).toBe('URGENT');
    expect(priorityOf(facts({ body: 'urgent', repeatWithinDay: true })).priority).toBe('URGENT');
    expect(raisePriority('LOW')).toBe('NORMAL');
    expect(raisePriority('URGENT')).toBe('URGENT');
  });
});
