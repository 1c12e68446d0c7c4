import { Types } from 'mongoose';
import { requireRole, type Identity } from '@shop/auth';
import { inquiryReplied, inquiryResolved } from '@shop/contracts';
import { parseInput } from '@shop/errors';
import type { AgentService } from '../agent/agent.service';
import type { AssignmentService } from '../agent/assignment.service';
import { pauseSla, replanForPriority, respondSla, type SlaPolicy } from '../sla/sla-policy';
import {
  inquiryIdInput,
  messageBodyInput,
  priorityInput,
  resolveInquiryInput,
} from './inquiry-input';
import type { Actor, InquiryChange, InquiryTransitions } from './inquiry-transitions';
import { viewFor, type InquiryView } from './inquiry-view';
import type { InquiryDocument, InquiryMessageDocument } from './inquiry.model';

export interface InquiryWorkDeps {
  transitions: InquiryTransitions;
  assignment: AssignmentService;
  agents: AgentService;
  sla: SlaPolicy;
}

/** Staff only: AGENT or ADMIN; everyone else is refused before anything is read. */
function staffActor(identity: Identity | null): Actor {
  return { kind: 'STAFF', id: requireRole(identity, 'AGENT', 'ADMIN').userId };
}

function agentMessage(
  authorId: string,
  body: string,
  internal: boolean,
  at: Date,
): InquiryMessageDocument {
  return { _id: new Types.ObjectId(), authorId, side: 'AGENT', body, internal, at };
}

function repliedEvent(
  current: InquiryDocument,
  message: InquiryMessageDocument,
  kind: 'REPLY' | 'INFO_REQUEST',
) {
  return inquiryReplied.create({
    inquiryId: current._id.toHexString(),
    number: current.number,
    customerId: current.customerId,
    agentId: message.authorId,
    messageId: message._id.toHexString(),
    kind,
  });
}

/**
 * Seed 001, 문의 처리: what agents and admins do with an inquiry. Every action goes through the
 * state table and lands in the inquiry's audit trail with who and when.
 */
export class InquiryWorkService {
  constructor(private readonly deps: InquiryWorkDeps) {}

  /**
   * Gives the inquiry to an agent the desk knows, whatever the loads; the previous assignee's
   * place is freed and the new one is mailed.
   * @throws FORBIDDEN for non-staff; NOT_FOUND for an unknown inquiry or agent.
   */
  async assignInquiry(
    identity: Identity | null,
    inquiryId: string,
    agentId: string,
  ): Promise<InquiryView> {
    const actor = staffActor(identity);
    const id = parseInput(inquiryIdInput, inquiryId, 'inquiryId');
    const agent = parseInput(inquiryIdInput, agentId, 'agentId');
    await this.deps.agents.requireAssignable(agent);
    return this.view(await this.deps.assignment.assignTo(id, agent, actor), identity);
  }

  /**
   * Writes to the customer (mailed to them; the first one records `firstRespondedAt`), or, with
   * `internal`, a note only staff ever see.
   */
  async replyToInquiry(
    identity: Identity | null,
    inquiryId: string,
    body: string,
    internal = false,
  ): Promise<InquiryView> {
    if (internal) {
      return this.write(identity, inquiryId, body, 'note', (_current, note) => ({
        message: note,
        audit: { kind: 'NOTE_ADDED' },
      }));
    }
    return this.write(identity, inquiryId, body, 'reply', (current, message, now) => ({
      message,
      sla: respondSla(current.sla, now),
      audit: {
        kind: 'REPLIED',
        ...(current.sla.firstRespondedAt ? {} : { detail: 'first response' }),
      },
      events: [repliedEvent(current, message, 'REPLY')],
    }));
  }

  /** Asks the customer for more; the SLA clock stops until they answer (WAITING_FOR_CUSTOMER). */
  async requestInquiryInfo(
    identity: Identity | null,
    inquiryId: string,
    body: string,
  ): Promise<InquiryView> {
    return this.write(identity, inquiryId, body, 'requestInfo', (current, message, now) => ({
      message,
      // Asking is answering too: it records the first response before the clock stops.
      sla: pauseSla(respondSla(current.sla, now), now),
      audit: { kind: 'INFO_REQUESTED', detail: 'SLA clock paused' },
      events: [repliedEvent(current, message, 'INFO_REQUEST')],
    }));
  }

  /**
   * A staff message on the thread (internal for a note): checks the caller and the input, then
   * applies `change`.
   */
  private async write(
    identity: Identity | null,
    inquiryId: string,
    body: string,
    action: 'reply' | 'note' | 'requestInfo',
    change: (current: InquiryDocument, message: InquiryMessageDocument, now: Date) => InquiryChange,
  ): Promise<InquiryView> {
    const actor = staffActor(identity);
    const id = parseInput(inquiryIdInput, inquiryId, 'inquiryId');
    const text = parseInput(messageBodyInput, body, 'body');
    const updated = await this.deps.transitions.run(id, action, actor, (current, _to, now) =>
      change(current, agentMessage(actor.id, text, action === 'note', now), now),
    );
    return this.view(updated, identity);
  }

  /**
   * Resolves with a summary the customer sees; the customer is asked to rate the help and, with
   * `publish`, the summary becomes a knowledge article. The assignee's place is freed.
   */
  async resolveInquiry(
    identity: Identity | null,
    inquiryId: string,
    raw: unknown,
  ): Promise<InquiryView> {
    const actor = staffActor(identity);
    const id = parseInput(inquiryIdInput, inquiryId, 'inquiryId');
    const input = parseInput(resolveInquiryInput, raw, 'input');
    const publish = input.publish ?? false;
    const updated = await this.deps.transitions.run(id, 'resolve', actor, (current, _to, now) => ({
      set: { resolution: input.summary, resolvedAt: now },
      // A new plan retires every pending timer: nothing is due once resolved.
      sla: { ...respondSla(current.sla, now), plan: current.sla.plan + 1 },
      audit: {
        kind: 'RESOLVED',
        ...(publish ? { detail: 'published to the knowledge base' } : {}),
      },
      events: [
        inquiryResolved.create({
          inquiryId: id,
          number: current.number,
          customerId: current.customerId,
          agentId: actor.id,
          publish,
        }),
      ],
    }));
    if (updated.assigneeId) await this.deps.assignment.release(updated.assigneeId, id);
    return this.view(updated, identity);
  }

  /** Sets the priority by hand; deadlines not met are counted again with its windows. */
  async setInquiryPriority(
    identity: Identity | null,
    inquiryId: string,
    priority: string,
  ): Promise<InquiryView> {
    const actor = staffActor(identity);
    const id = parseInput(inquiryIdInput, inquiryId, 'inquiryId');
    const chosen = parseInput(priorityInput, priority, 'priority');
    const updated = await this.deps.transitions.run(id, 'setPriority', actor, (current) =>
      current.priority === chosen
        ? null
        : {
            set: { priority: chosen },
            sla: replanForPriority(current.sla, current.createdAt, chosen, this.deps.sla),
            audit: { kind: 'PRIORITY_CHANGED', detail: `${current.priority} → ${chosen}` },
          },
    );
    return this.view(updated, identity);
  }

  private view(inquiry: InquiryDocument, identity: Identity | null): InquiryView {
    return viewFor(inquiry, identity) as InquiryView;
  }
}
