import { z } from 'zod';
import {
  INQUIRY_CATEGORIES,
  INQUIRY_PRIORITIES,
  INQUIRY_STATUSES,
  SUPPORT_TEAMS,
} from './inquiry-vocabulary';

const objectId = z.string().regex(/^[0-9a-f]{24}$/i, 'must be an id');
/** Text a person wrote: trimmed, and not empty once trimmed. */
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const MESSAGE_MAX = 5_000;

export const createInquiryInput = z.object({
  category: z.enum(INQUIRY_CATEGORIES),
  subject: text(200),
  body: text(MESSAGE_MAX),
  orderId: objectId.nullish(),
  productId: objectId.nullish(),
});
export type CreateInquiryInput = z.infer<typeof createInquiryInput>;

export const inquiryIdInput = objectId;
export const messageBodyInput = text(MESSAGE_MAX);

export const resolveInquiryInput = z.object({
  summary: text(MESSAGE_MAX),
  publish: z.boolean().nullish(),
});

export const rateInquiryInput = z.object({
  score: z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5'),
  comment: text(1_000).nullish(),
});

export const priorityInput = z.enum(INQUIRY_PRIORITIES);

export const agentTeamsInput = z.object({
  agentId: objectId,
  teams: z.array(z.enum(SUPPORT_TEAMS)).max(SUPPORT_TEAMS.length),
});

export const inquiryFilterInput = z
  .object({
    status: z.array(z.enum(INQUIRY_STATUSES)).nullish(),
    team: z.enum(SUPPORT_TEAMS).nullish(),
    priority: z.array(z.enum(INQUIRY_PRIORITIES)).nullish(),
    assignedToMe: z.boolean().nullish(),
    breached: z.boolean().nullish(),
  })
  .nullish();
export type InquiryFilterInput = z.infer<typeof inquiryFilterInput>;
