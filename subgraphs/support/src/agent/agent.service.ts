import { requireRole, type Identity } from '@shop/auth';
import { BadUserInputError, NotFoundError, parseInput } from '@shop/errors';
import type { Logger } from '@shop/logger';
import type { Clock } from '../clock';
import type { UserContactsClient } from '../clients/user-contacts.client';
import { agentTeamsInput } from '../inquiry/inquiry-input';
import { SUPPORT_TEAMS, type SupportTeam } from '../inquiry/inquiry-vocabulary';
import type { AgentDocument, AgentModel } from './agent.model';
import type { AssignmentService } from './assignment.service';

/** Roles that may work inquiries. */
const STAFF_ROLES = ['AGENT', 'ADMIN'] as const;

/** The desk's agents: who works for which team. */
export class AgentService {
  constructor(
    private readonly deps: {
      agents: AgentModel;
      contacts: UserContactsClient;
      assignment: AssignmentService;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  /**
   * ADMIN: the teams `agentId` works for (none takes them off automatic assignment). The user
   * must be active and hold AGENT or ADMIN, as the users subgraph says. Inquiries waiting in
   * those teams are assigned at once.
   * @throws NOT_FOUND for an unknown user, BAD_USER_INPUT for one who may not work inquiries.
   */
  async setAgentTeams(
    identity: Identity | null,
    agentId: string,
    teams: readonly string[],
  ): Promise<SupportTeam[]> {
    const admin = requireRole(identity, 'ADMIN');
    const input = parseInput(agentTeamsInput, { agentId, teams });
    await this.requireActiveStaff(input.agentId);
    const chosen = SUPPORT_TEAMS.filter((team) => input.teams.includes(team));
    const now = this.deps.clock.now();
    await this.deps.agents.updateOne(
      { _id: input.agentId },
      {
        $set: { teams: chosen, active: true, updatedAt: now },
        $setOnInsert: {
          openInquiryIds: [],
          openCount: 0,
          lastAssignedAt: new Date(0),
          createdAt: now,
        },
      },
      { upsert: true, timestamps: false },
    );
    this.deps.logger.info(
      { agentId: input.agentId, teams: chosen, by: admin.userId },
      'agent teams set',
    );
    if (chosen.length) await this.deps.assignment.assignWaiting(chosen);
    return chosen;
  }

  /** AGENT and ADMIN: every agent the desk knows, with their teams and loads. */
  async listAgents(identity: Identity | null): Promise<AgentDocument[]> {
    requireRole(identity, ...STAFF_ROLES);
    return this.deps.agents
      .find({}, { openInquiryIds: 0 })
      .sort({ _id: 1 })
      .lean<AgentDocument[]>();
  }

  /**
   * An agent inquiries can go to: known to the desk, active here, and an active AGENT or ADMIN
   * for the users subgraph.
   * @throws NOT_FOUND when not.
   */
  async requireAssignable(agentId: string): Promise<void> {
    const agent = await this.deps.agents.findOne({ _id: agentId, active: true }, { _id: 1 }).lean();
    if (!agent) throw new NotFoundError('Agent', agentId);
    await this.requireActiveStaff(agentId);
  }

  private async requireActiveStaff(userId: string): Promise<void> {
    const contact = (await this.deps.contacts.byIds([userId])).get(userId);
    if (!contact) throw new NotFoundError('User', userId);
    const staff = contact.roles.some((role) => (STAFF_ROLES as readonly string[]).includes(role));
    if (contact.status !== 'ACTIVE' || !staff) {
      throw new BadUserInputError(
        'agentId: must be an active user with role AGENT or ADMIN',
        'agentId',
      );
    }
  }
}
