import { z } from 'zod';
import { emailBase } from './common';

/** Mail to a partner about their webhook subscriptions. */
export const partnerWebhookEmails = [
  z.object({
    ...emailBase,
    template: z.literal('webhook-disabled'),
    subscriptionId: z.string().min(1),
    url: z.string().min(1).max(2_048),
    /** Why: a 410 Gone, or days of nothing but failures. */
    reason: z.string().min(1).max(500),
  }),
] as const;
