import { DEMO_ACCOUNTS } from '@shop/contracts';
import type { AgentModel } from '../agent/agent.model';
import { SUPPORT_TEAMS } from '../inquiry/inquiry-vocabulary';

/**
 * The demo agent works every team, so every inquiry of the demo finds them. Created once; teams
 * an admin set since are left as they are. Returns how many agents were created.
 */
export async function seedDemoAgents(agents: AgentModel, now = new Date()): Promise<number> {
  const { upsertedCount } = await agents.updateOne(
    { _id: DEMO_ACCOUNTS.agent.id },
    {
      $setOnInsert: {
        teams: [...SUPPORT_TEAMS],
        active: true,
        openInquiryIds: [],
        openCount: 0,
        lastAssignedAt: new Date(0),
        createdAt: now,
        updatedAt: now,
      },
    },
    { upsert: true, timestamps: false },
  );
  return upsertedCount;
}
