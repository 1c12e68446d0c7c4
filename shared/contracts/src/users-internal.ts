import { z } from 'zod';

/**
 * The users subgraph's internal API, for services that must reach a person: orders (receipts,
 * shipping SMS), support (agents, escalations), webhooks (partners). Never in the public graph.
 */
export const USERS_INTERNAL = {
  /** How to address up to 100 users, by id or by role. */
  contacts: '/users/contacts',
} as const;

const ROLE = z.enum(['CUSTOMER', 'AGENT', 'ADMIN', 'SELLER', 'PARTNER']);

export const userContactsRequest = z.union([
  z
    .object({
      ids: z
        .array(z.string().regex(/^[0-9a-f]{24}$/i))
        .min(1)
        .max(100),
    })
    .strict(),
  /** Active users holding a role, e.g. the ADMINs an escalation goes to; at most 100. */
  z.object({ role: ROLE }).strict(),
]);
export type UserContactsRequest = z.infer<typeof userContactsRequest>;

export const userContact = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  /** E.164, when the user gave one. */
  phone: z.string().nullable(),
  locale: z.enum(['ko', 'en']),
  roles: z.array(ROLE),
  status: z.enum(['ACTIVE', 'LOCKED', 'SUSPENDED']),
  emailVerified: z.boolean(),
});
export type UserContact = z.infer<typeof userContact>;

/** By ids: in request order, null for unknown ids. By role: every match, oldest first. */
export const userContactsResponse = z.object({ users: z.array(userContact.nullable()) });
export type UserContactsResponse = z.infer<typeof userContactsResponse>;
