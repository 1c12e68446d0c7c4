export const ROLES = ['CUSTOMER', 'AGENT', 'ADMIN', 'SELLER', 'PARTNER'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as proven by the gateway after it verified the access token. */
export interface Identity {
  userId: string;
  roles: Role[];
  sessionId: string;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
