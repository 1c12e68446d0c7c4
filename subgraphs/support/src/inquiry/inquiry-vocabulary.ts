/** The words of the support desk, as API.md spells them. */
export const INQUIRY_STATUSES = [
  'OPEN',
  'IN_PROGRESS',
  'WAITING_FOR_CUSTOMER',
  'RESOLVED',
  'CLOSED',
] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

/** Statuses in which someone still has to act: they count towards an agent's load. */
export const OPEN_STATUSES: readonly InquiryStatus[] = [
  'OPEN',
  'IN_PROGRESS',
  'WAITING_FOR_CUSTOMER',
];

export const INQUIRY_CATEGORIES = [
  'ORDER',
  'DELIVERY',
  'PRODUCT',
  'PAYMENT',
  'ACCOUNT',
  'OTHER',
] as const;
export type InquiryCategory = (typeof INQUIRY_CATEGORIES)[number];

/** Lowest first: a raise is one step to the right. */
export const INQUIRY_PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export type InquiryPriority = (typeof INQUIRY_PRIORITIES)[number];

export const SUPPORT_TEAMS = ['ORDERS', 'CATALOG', 'ACCOUNTS'] as const;
export type SupportTeam = (typeof SUPPORT_TEAMS)[number];

/** Who writes a message: the customer, or staff on the desk's side. */
export type MessageSide = 'CUSTOMER' | 'AGENT';

/** The author of audit entries and events that no person caused (timers, sweepers, routing). */
export const SYSTEM_ACTOR = 'system';

/** Routing: every category goes to one team. */
export const CATEGORY_TEAMS: Readonly<Record<InquiryCategory, SupportTeam>> = {
  ORDER: 'ORDERS',
  DELIVERY: 'ORDERS',
  PAYMENT: 'ORDERS',
  PRODUCT: 'CATALOG',
  ACCOUNT: 'ACCOUNTS',
  OTHER: 'ACCOUNTS',
};

export function isOpen(status: InquiryStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
