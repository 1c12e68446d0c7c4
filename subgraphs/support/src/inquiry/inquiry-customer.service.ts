import { Types } from 'mongoose';
import { requireUser, type Identity } from '@shop/auth';
import { inquiryRated } from '@shop/contracts';
import { ConflictError, parseInput } from '@shop/errors';
import { resumeSla } from '../sla/sla-policy';
import { inquiryIdInput, messageBodyInput, rateInquiryInput } from './inquiry-input';
import type { InquiryTransitions } from './inquiry-transitions';
import { viewFor, type InquiryView } from './inquiry-view';

/** What the customer who asked does next: answer the desk, and rate the help once resolved. */
export class InquiryCustomerService {
  constructor(private readonly transitions: InquiryTransitions) {}

  /**
   * The customer adds to the thread. An answer to a request for information resumes the SLA
   * clock (every deadline moves by the time paused) and puts the inquiry back IN_PROGRESS.
   * @throws NOT_FOUND for another customer's inquiry; INVALID_STATE_TRANSITION once resolved.
   */
  async addInquiryMessage(
    identity: Identity | null,
    inquiryId: string,
    body: string,
  ): Promise<InquiryView> {
    const user = requireUser(identity);
    const id = parseInput(inquiryIdInput, inquiryId, 'inquiryId');
    const text = parseInput(messageBodyInput, body, 'body');
    const actor = { kind: 'CUSTOMER' as const, id: user.userId };
    const updated = await this.transitions.run(
      id,
      'customerMessage',
      actor,
      (current, _to, now) => {
        const sla = current.sla.pausedAt ? resumeSla(current.sla, now) : undefined;
        return {
          message: {
            _id: new Types.ObjectId(),
            authorId: user.userId,
            side: 'CUSTOMER',
            body: text,
            internal: false,
            at: now,
          },
          audit: sla
            ? {
                kind: 'SLA_RESUMED',
                detail: `customer answered after ${now.getTime() - (current.sla.pausedAt?.getTime() ?? 0)} ms paused; resolution due ${sla.resolutionDueAt.toISOString()}`,
              }
            : { kind: 'CUSTOMER_MESSAGE' },
          ...(sla ? { sla } : {}),
        };
      },
    );
    return viewFor(updated, identity) as InquiryView;
  }

  /**
   * The customer rates the help 1–5, once, after resolution.
   * @throws BAD_USER_INPUT for a score outside 1–5; NOT_FOUND for another customer's inquiry;
   * INVALID_STATE_TRANSITION before resolution; CONFLICT when rated already.
   */
  async rateInquiry(
    identity: Identity | null,
    inquiryId: string,
    score: number,
    comment?: string | null,
  ): Promise<InquiryView> {
    const user = requireUser(identity);
    const id = parseInput(inquiryIdInput, inquiryId, 'inquiryId');
    const rating = parseInput(rateInquiryInput, { score, comment });
    const actor = { kind: 'CUSTOMER' as const, id: user.userId };
    const updated = await this.transitions.run(id, 'rate', actor, (current) => {
      if (current.rating !== null) throw new ConflictError('This inquiry is rated already');
      return {
        set: { rating: rating.score, ratingComment: rating.comment ?? null },
        guard: { rating: null },
        audit: { kind: 'RATED', detail: String(rating.score) },
        events: [
          inquiryRated.create({
            inquiryId: id,
            number: current.number,
            score: rating.score,
            ...(current.assigneeId ? { agentId: current.assigneeId } : {}),
          }),
        ],
      };
    });
    return viewFor(updated, identity) as InquiryView;
  }
}
