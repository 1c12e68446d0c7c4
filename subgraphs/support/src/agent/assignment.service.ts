import { inquiryAssigned } from '@shop/contracts';
import type { Logger } from '@shop/logger';
import type { Clock } from '../clock';
import type { InquiryDocument, InquiryModel } from '../inquiry/inquiry.model';
import type { Actor, InquiryChange, InquiryTransitions } from '../inquiry/inquiry-transitions';
import {
  OPEN_STATUSES,
  SYSTEM_ACTOR,
  isOpen,
  type SupportTeam,
} from '../inquiry/inquiry-vocabulary';
import type { AgentModel } from './agent.model';

/**
 * Rounds of read-then-claim before an intake gives up and leaves the inquiry waiting (the
 * sweeper assigns it). A round is lost only when another intake claimed meanwhile, so this
 * bounds nothing but a burst far larger than any we expect.
 */
const CLAIM_ROUNDS = 1_000;
/** Rounds between fresh reads of the team's least load. */
const REREAD_EVERY = 8;
/** Claims younger than this may belong to an assignment still in flight; recovery leaves them. */
export const RECOVERY_GRACE_MS = 30_000;
/** Waiting inquiries assigned per pass. */
const WAITING_BATCH = 100;

const SYSTEM: Actor = { kind: 'SYSTEM', id: SYSTEM_ACTOR };

/** The assigned event and audit line of an inquiry going to `agentId`. */
function assignmentChange(
  current: InquiryDocument,
  agentId: string,
  by: string,
  why: string,
): InquiryChange {
  const previous = current.assigneeId;
  return {
    set: { assigneeId: agentId },
    guard: { assigneeId: previous },
    audit: {
      kind: previous ? 'REASSIGNED' : 'ASSIGNED',
      detail: previous ? `${previous} → ${agentId}: ${why}` : `${agentId}: ${why}`,
    },
    events: [
      inquiryAssigned.create({
        inquiryId: current._id.toHexString(),
        number: current.number,
        agentId,
        ...(previous ? { previousAgentId: previous } : {}),
        team: current.team,
        priority: current.priority,
        by,
      }),
    ],
  };
}

/**
 * Who works which inquiry. The rule: the active agent of the inquiry's team with the fewest
 * open inquiries, the longest idle among equals. An agent is claimed with a conditional update
 * on the load just read, so two intakes that read the same agent cannot both take it: the loser
 * reads again. An agent's open inquiries are a set kept with the count, so claims and releases
 * are idempotent by inquiry id, and a sweeper can finish or undo one that a crash interrupted.
 */
export class AssignmentService {
  constructor(
    private readonly deps: {
      agents: AgentModel;
      inquiries: InquiryModel;
      transitions: InquiryTransitions;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  /**
   * Assigns an unassigned inquiry by the rule; returns it unchanged when its team has no active
   * agent (it waits in the team's queue until one gets the team).
   */
  async assignByRule(inquiry: InquiryDocument): Promise<InquiryDocument> {
    const inquiryId = inquiry._id.toHexString();
    const claim = await this.claimLeastLoaded(inquiry.team, inquiryId);
    if (!claim) return inquiry;
    // A claim another assigner made for this inquiry is theirs to release.
    const releaseOurs = () => (claim.ours ? this.release(claim.agentId, inquiryId) : undefined);
    try {
      const { inquiry: updated, changed } = await this.deps.transitions.apply(
        inquiryId,
        'assign',
        SYSTEM,
        (current) =>
          current.assigneeId
            ? null
            : assignmentChange(
                current,
                claim.agentId,
                SYSTEM_ACTOR,
                `fewest open in ${current.team}`,
              ),
        inquiry,
      );
      // Assigned to someone else meanwhile (by hand): the claim is not needed.
      if (!changed && updated.assigneeId !== claim.agentId) await releaseOurs();
      return updated;
    } catch (error) {
      await releaseOurs();
      throw error;
    }
  }

  /**
   * Gives the inquiry to `agentId`, whatever the loads, and frees the previous assignee.
   * @throws what the transition throws (NOT_FOUND, INVALID_STATE_TRANSITION), having changed nothing.
   */
  async assignTo(inquiryId: string, agentId: string, actor: Actor): Promise<InquiryDocument> {
    const claimed = await this.claim(agentId, inquiryId);
    let previous: string | null = null;
    try {
      const updated = await this.deps.transitions.run(inquiryId, 'assign', actor, (current) => {
        previous = current.assigneeId;
        return previous === agentId
          ? null
          : assignmentChange(current, agentId, actor.id, 'by hand');
      });
      if (previous && previous !== agentId) await this.release(previous, inquiryId);
      return updated;
    } catch (error) {
      if (claimed) await this.release(agentId, inquiryId);
      throw error;
    }
  }

  /** Frees the agent's place for an inquiry that was resolved or went to someone else. */
  async release(agentId: string, inquiryId: string): Promise<void> {
    await this.deps.agents.updateOne(
      { _id: agentId, openInquiryIds: inquiryId },
      {
        $inc: { openCount: -1 },
        $pull: { openInquiryIds: inquiryId },
        $set: { updatedAt: this.deps.clock.now() },
      },
      { timestamps: false },
    );
  }

  /**
   * Assigns waiting (unassigned, open) inquiries of `teams`, or of every team, most urgent
   * first, one after the other so each sees the loads the previous one left. Returns how many
   * found an agent.
   */
  async assignWaiting(teams?: readonly SupportTeam[]): Promise<number> {
    const staffed = (await this.deps.agents.distinct('teams', { active: true })) as SupportTeam[];
    const wanted = staffed.filter((team) => !teams || teams.includes(team));
    if (!wanted.length) return 0;
    const waiting = await this.deps.inquiries
      .find(
        { status: { $in: OPEN_STATUSES }, assigneeId: null, team: { $in: wanted } },
        { outbox: 0 },
      )
      .sort({ 'sla.breached': -1, 'sla.dueAt': 1, _id: 1 })
      .limit(WAITING_BATCH)
      .lean<InquiryDocument[]>();
    let assigned = 0;
    for (const inquiry of waiting) {
      try {
        if ((await this.assignByRule(inquiry)).assigneeId) assigned += 1;
      } catch (error) {
        this.deps.logger.warn(
          { err: (error as Error).message, inquiryId: inquiry._id },
          'waiting inquiry not assigned',
        );
      }
    }
    return assigned;
  }

  /**
   * Finishes or undoes what a crash interrupted, for claims older than the grace period: a claim
   * on an open, unassigned inquiry becomes its assignment; a claim on an inquiry that is closed,
   * gone or assigned to someone else is released. Returns how many claims it settled.
   */
  async recover(): Promise<number> {
    const agents = await this.deps.agents
      .find({ openCount: { $gt: 0 } }, { openInquiryIds: 1 })
      .lean();
    const cutoff = this.deps.clock.now().getTime() - RECOVERY_GRACE_MS;
    let settled = 0;
    for (const agent of agents) {
      const held = await this.deps.inquiries
        .find(
          { _id: { $in: agent.openInquiryIds } },
          { status: 1, assigneeId: 1, updatedAt: 1, team: 1, number: 1, priority: 1 },
        )
        .lean<InquiryDocument[]>();
      const byId = new Map(held.map((inquiry) => [inquiry._id.toHexString(), inquiry]));
      for (const inquiryId of agent.openInquiryIds) {
        const inquiry = byId.get(inquiryId);
        if (inquiry && inquiry.updatedAt.getTime() > cutoff) continue;
        try {
          settled += await this.settle(agent._id, inquiryId, inquiry);
        } catch (error) {
          this.deps.logger.warn({ err: (error as Error).message, inquiryId }, 'claim not settled');
        }
      }
    }
    return settled;
  }

  private async settle(
    agentId: string,
    inquiryId: string,
    inquiry?: InquiryDocument,
  ): Promise<number> {
    if (inquiry && isOpen(inquiry.status) && inquiry.assigneeId === agentId) return 0;
    if (inquiry && isOpen(inquiry.status) && !inquiry.assigneeId) {
      await this.deps.transitions.run(inquiryId, 'assign', SYSTEM, (current) =>
        current.assigneeId
          ? null
          : assignmentChange(current, agentId, SYSTEM_ACTOR, 'recovered claim'),
      );
      return 1;
    }
    await this.release(agentId, inquiryId);
    return 1;
  }

  /**
   * The rule's pick, claimed: a conditional update that takes the least loaded, longest idle
   * agent of the team whose load is at most the least load read. A miss means every agent of
   * the team went above it meanwhile, so the least load is now one more: the next round tries
   * that without reading again. Every eighth round reads again, in case the team lost its
   * agents, and looks whether another assigner (the sweeper, `setAgentTeams`) claimed an agent
   * for this very inquiry, which no round of ours can then claim: that agent is the pick.
   */
  private async claimLeastLoaded(
    team: SupportTeam,
    inquiryId: string,
  ): Promise<{ agentId: string; ours: boolean } | null> {
    let ceiling: number | null = null;
    for (let round = 0; round < CLAIM_ROUNDS; round += 1) {
      if (ceiling === null || round % REREAD_EVERY === 0) {
        const [least, holder] = await Promise.all([
          this.deps.agents
            .findOne({ teams: team, active: true }, { openCount: 1 })
            .sort({ openCount: 1 })
            .lean(),
          // A new inquiry has no claim yet: only later rounds look.
          round > 0
            ? this.deps.agents.findOne({ openInquiryIds: inquiryId }, { _id: 1 }).lean()
            : null,
        ]);
        if (holder) return { agentId: holder._id, ours: false };
        if (!least) return null;
        ceiling = least.openCount;
      }
      const claimed = await this.claimAtMost(team, ceiling, inquiryId);
      if (claimed) return { agentId: claimed, ours: true };
      ceiling += 1;
    }
    this.deps.logger.warn(
      { inquiryId, team },
      'no agent claimed after many rounds; the inquiry waits',
    );
    return null;
  }

  private async claimAtMost(
    team: SupportTeam,
    load: number,
    inquiryId: string,
  ): Promise<string | null> {
    const now = this.deps.clock.now();
    const claimed = await this.deps.agents
      .findOneAndUpdate(
        {
          teams: team,
          active: true,
          openCount: { $lte: load },
          openInquiryIds: { $ne: inquiryId },
        },
        {
          $inc: { openCount: 1 },
          $push: { openInquiryIds: inquiryId },
          $set: { lastAssignedAt: now, updatedAt: now },
        },
        {
          sort: { openCount: 1, lastAssignedAt: 1, _id: 1 },
          // Only the id is read back: it is all the claim needs and the one field no
          // concurrent update changes (the local server returns the live document).
          new: true,
          projection: { _id: 1 },
          timestamps: false,
        },
      )
      .lean();
    return claimed?._id ?? null;
  }

  /** Claims `agentId` for the inquiry whatever their load; false when they held it already. */
  private async claim(agentId: string, inquiryId: string): Promise<boolean> {
    const now = this.deps.clock.now();
    const { modifiedCount } = await this.deps.agents.updateOne(
      { _id: agentId, openInquiryIds: { $ne: inquiryId } },
      {
        $inc: { openCount: 1 },
        $push: { openInquiryIds: inquiryId },
        $set: { lastAssignedAt: now, updatedAt: now },
      },
      { timestamps: false },
    );
    return modifiedCount === 1;
  }
}
