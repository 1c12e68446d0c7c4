import {
  INQUIRY_PRIORITIES,
  type InquiryCategory,
  type InquiryPriority,
} from './inquiry-vocabulary';

/** What the priority of a new inquiry is decided from. */
export interface PriorityFacts {
  category: InquiryCategory;
  subject: string;
  body: string;
  /** The order the inquiry is about, as the orders subgraph summarises it. */
  order: { total: { amount: number; currency: string }; status: string } | null;
  /** The customer opened another inquiry in the 24 hours before this one. */
  repeatWithinDay: boolean;
}

/** One row of the priority table. */
interface PriorityRule {
  /** Why, as the audit trail of the inquiry says it. */
  reason: string;
  when: (facts: PriorityFacts, text: string) => boolean;
  /** The inquiry is at least this urgent when the rule matches. */
  atLeast?: InquiryPriority;
  /** Steps up, after every floor applied (URGENT stays URGENT). */
  raise?: number;
}

/** Where an inquiry starts before any rule: most categories NORMAL. */
const CATEGORY_BASE: Readonly<Record<InquiryCategory, InquiryPriority>> = {
  ORDER: 'NORMAL',
  DELIVERY: 'NORMAL',
  PRODUCT: 'NORMAL',
  PAYMENT: 'HIGH',
  ACCOUNT: 'NORMAL',
  OTHER: 'LOW',
};

/** Orders worth this much or more (KRW) get at least HIGH. */
export const HIGH_VALUE_ORDER_KRW = 300_000;

/** Order states where money is in question. */
const TROUBLED_ORDER_STATES = new Set(['PAYMENT_FAILED', 'PARTIALLY_CANCELLED', 'CANCELLED']);

/**
 * True when `text` (normalised) holds one of `words`: Korean words anywhere, since they sit
 * inside compounds (`환불해주세요`, `긴급요청`); English words at a word start, so `refund` finds
 * `refunds` and `refunded` but `broken` is not found in `unbroken`.
 */
export function mentions(text: string, words: readonly string[]): boolean {
  return words.some((word) =>
    /[\uac00-\ud7a3]/.test(word)
      ? text.includes(word)
      : new RegExp(`(^|[^\\p{L}\\p{N}])${word}`, 'u').test(text),
  );
}

const word = (reason: string, words: readonly string[], atLeast: InquiryPriority) => ({
  reason,
  atLeast,
  when: (_facts: PriorityFacts, text: string) => mentions(text, words),
});

/** The priority table: every rule that matches applies; the highest floor wins, then raises. */
export const PRIORITY_RULES: readonly PriorityRule[] = [
  word('urgent words', ['긴급', '급합니다', '급해요', 'urgent', 'asap', 'emergency'], 'URGENT'),
  word('damage words', ['파손', '깨졌', '깨짐', '불량', 'damaged', 'broken', 'defective'], 'HIGH'),
  word(
    'refund words',
    ['환불', '이중 결제', '이중결제', 'refund', 'chargeback', 'double charge'],
    'HIGH',
  ),
  {
    reason: `order of ${HIGH_VALUE_ORDER_KRW} KRW or more`,
    atLeast: 'HIGH',
    when: ({ order }) =>
      !!order && order.total.currency === 'KRW' && order.total.amount >= HIGH_VALUE_ORDER_KRW,
  },
  {
    reason: 'order payment failed or cancelled',
    atLeast: 'HIGH',
    when: ({ order }) => !!order && TROUBLED_ORDER_STATES.has(order.status),
  },
  { reason: 'repeat inquiry within 24 h', raise: 1, when: (facts) => facts.repeatWithinDay },
];

const rank = (priority: InquiryPriority) => INQUIRY_PRIORITIES.indexOf(priority);

/** `priority` raised by `steps`, URGENT at most. */
export function raisePriority(priority: InquiryPriority, steps = 1): InquiryPriority {
  const raised = Math.min(rank(priority) + steps, INQUIRY_PRIORITIES.length - 1);
  return INQUIRY_PRIORITIES[raised] ?? priority;
}

/** The priority of a new inquiry and the reasons for it, by {@link PRIORITY_RULES}. */
export function priorityOf(facts: PriorityFacts): {
  priority: InquiryPriority;
  reasons: string[];
} {
  const text = `${facts.subject}\n${facts.body}`.normalize('NFC').toLowerCase();
  const matched = PRIORITY_RULES.filter((rule) => rule.when(facts, text));
  let priority = CATEGORY_BASE[facts.category];
  for (const rule of matched) {
    if (rule.atLeast && rank(rule.atLeast) > rank(priority)) priority = rule.atLeast;
  }
  const steps = matched.reduce((sum, rule) => sum + (rule.raise ?? 0), 0);
  return {
    priority: raisePriority(priority, steps),
    reasons: [`category ${facts.category}`, ...matched.map((rule) => rule.reason)],
  };
}
