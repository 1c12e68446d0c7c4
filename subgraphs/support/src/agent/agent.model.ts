import { Schema, type Model } from 'mongoose';
import { defineModel } from '@shop/mongo';
import { SUPPORT_TEAMS, type SupportTeam } from '../inquiry/inquiry-vocabulary';

/** A user who works inquiries, as the support desk knows them. */
export interface AgentDocument {
  /** The user's id in the users subgraph. */
  _id: string;
  teams: SupportTeam[];
  active: boolean;
  /**
   * The open inquiries assigned to the agent. It changes only together with `openCount`, in one
   * update, and adding or removing an id is conditional on its absence or presence, so the
   * count is exact and every claim and release can be repeated safely.
   */
  openInquiryIds: string[];
  openCount: number;
  /** The last automatic or manual assignment; the epoch for an agent never assigned. */
  lastAssignedAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

const agentSchema = new Schema<AgentDocument>(
  {
    _id: { type: String, required: true },
    teams: { type: [String], enum: SUPPORT_TEAMS, default: [] },
    active: { type: Boolean, required: true, default: true },
    openInquiryIds: { type: [String], default: [] },
    openCount: { type: Number, required: true, default: 0 },
    lastAssignedAt: { type: Date, required: true, default: () => new Date(0) },
  },
  { collection: 'agents', versionKey: false, timestamps: true },
);

export type AgentModel = Model<AgentDocument>;

export const agentModel = defineModel('Agent', agentSchema, [
  // The assignment rule: the active agent of a team with the fewest open, then longest idle.
  [{ teams: 1, active: 1, openCount: 1, lastAssignedAt: 1 }],
  [{ openInquiryIds: 1 }],
]);
