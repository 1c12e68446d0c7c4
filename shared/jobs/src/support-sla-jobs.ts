import { z } from 'zod';

/** The deadlines of an inquiry that a delayed timer watches. */
export const SLA_STAGES = ['reminder', 'first-response', 'resolution'] as const;
export type SlaStage = (typeof SLA_STAGES)[number];

/**
 * One SLA timer of the `support.sla` queue: which inquiry, which deadline, and the version of
 * the inquiry's timer plan it belongs to. A job of an older plan finds the inquiry re-planned
 * and does nothing.
 */
export const slaTimerJobSchema = z.object({
  inquiryId: z.string().regex(/^[0-9a-f]{24}$/i),
  stage: z.enum(SLA_STAGES),
  plan: z.number().int().min(1),
  /** When the timer is due (ISO 8601), for operators reading the queue. */
  dueAt: z.string().min(1),
});
export type SlaTimerJob = z.infer<typeof slaTimerJobSchema>;

/**
 * The job id of a timer: one per inquiry, stage and plan, so planning the same plan twice adds
 * one job and a new plan never collides with the old one (BullMQ refuses `:` in custom ids).
 */
export function slaTimerJobId(job: Pick<SlaTimerJob, 'inquiryId' | 'stage' | 'plan'>): string {
  return `sla.${job.inquiryId}.${job.stage}.${job.plan}`;
}
