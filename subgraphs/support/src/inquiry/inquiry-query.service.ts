import { Types, type FilterQuery } from 'mongoose';
import { requireOwnerOrStaff, requireRole, requireUser, type Identity } from '@shop/auth';
import { parseInput } from '@shop/errors';
import { WITHOUT_OUTBOX } from '@shop/events';
import { boundedCount, connectionOf, type Connection } from '@shop/pagination';
import {
  QUEUE_SORT,
  RECENT_SORT,
  afterQueueCursor,
  afterRecentCursor,
  queueCursorOf,
  recentCursorOf,
} from './inquiry-cursor';
import { inquiryNotFound } from './inquiry-errors';
import { inquiryFilterInput } from './inquiry-input';
import type { InquiryLoaders } from './inquiry.loaders';
import type { InquiryDocument, InquiryModel } from './inquiry.model';
import { viewFor, type InquiryView } from './inquiry-view';
import { OPEN_STATUSES } from './inquiry-vocabulary';

const toId = (id: string) => new Types.ObjectId(id);

/** Reading inquiries, per request: every answer is a view the caller may see. */
export class InquiryQueryService {
  constructor(
    private readonly inquiries: InquiryModel,
    private readonly loaders: InquiryLoaders,
  ) {}

  /**
   * One inquiry: its customer sees it without internal notes or audit trail, staff see all.
   * @throws UNAUTHENTICATED; NOT_FOUND for an unknown inquiry and another customer's alike.
   */
  async inquiry(identity: Identity | null, id: string): Promise<InquiryView> {
    requireUser(identity);
    const view = await this.reference(identity, id);
    if (!view) throw inquiryNotFound(id);
    return view;
  }

  /** An entity reference: the view, or null when unknown or not the caller's to see. */
  async reference(identity: Identity | null, id: string): Promise<InquiryView | null> {
    const inquiry = await this.loaders.inquiryById.load(id);
    return inquiry ? viewFor(inquiry, identity) : null;
  }

  /** The caller's own inquiries, newest first. */
  async myInquiries(identity: Identity | null, first?: number | null, after?: string | null) {
    const user = requireUser(identity);
    return this.recentOf(user.userId, identity, first, after);
  }

  /** A user's inquiries, newest first, for the user themself and staff. */
  async inquiriesOfUser(
    identity: Identity | null,
    userId: string,
    first?: number | null,
    after?: string | null,
  ) {
    requireOwnerOrStaff(identity, userId);
    return this.recentOf(userId, identity, first, after);
  }

  /**
   * AGENT and ADMIN: open inquiries (unless `status` says otherwise), breached first, then the
   * earliest deadline; filtered by team, priority, breach and the caller's own.
   */
  async queue(
    identity: Identity | null,
    rawFilter: unknown,
    first?: number | null,
    after?: string | null,
  ): Promise<Connection<InquiryView>> {
    const staff = requireRole(identity, 'AGENT', 'ADMIN');
    const filter = parseInput(inquiryFilterInput, rawFilter, 'filter') ?? {};
    const where: FilterQuery<InquiryDocument> = {
      status: { $in: filter.status?.length ? filter.status : OPEN_STATUSES },
      ...(filter.team ? { team: filter.team } : {}),
      ...(filter.priority?.length ? { priority: { $in: filter.priority } } : {}),
      ...(filter.assignedToMe ? { assigneeId: staff.userId } : {}),
      ...(typeof filter.breached === 'boolean' ? { 'sla.breached': filter.breached } : {}),
    };
    return this.page(
      where,
      QUEUE_SORT,
      { first, after, identity },
      afterQueueCursor,
      queueCursorOf,
    );
  }

  private recentOf(
    customerId: string,
    identity: Identity | null,
    first?: number | null,
    after?: string | null,
  ) {
    return this.page(
      { customerId },
      RECENT_SORT,
      { first, after, identity },
      afterRecentCursor,
      recentCursorOf,
    );
  }

  private async page(
    where: FilterQuery<InquiryDocument>,
    sort: Record<string, 1 | -1>,
    {
      first,
      after,
      identity,
    }: { first?: number | null; after?: string | null; identity: Identity | null },
    afterCursor: (
      cursor: string,
      toId: (id: string) => Types.ObjectId,
    ) => FilterQuery<InquiryDocument>,
    cursorOf: (inquiry: InquiryView) => string,
  ): Promise<Connection<InquiryView>> {
    const count = boundedCount(first);
    const paged = after ? { $and: [where, afterCursor(after, toId)] } : where;
    const [rows, total] = await Promise.all([
      this.inquiries
        .find(paged, WITHOUT_OUTBOX)
        .sort(sort)
        .limit(count + 1)
        .lean<InquiryDocument[]>(),
      this.inquiries.countDocuments(where),
    ]);
    const views = rows
      .map((row) => viewFor(row, identity))
      .filter((view): view is InquiryView => !!view);
    return connectionOf(views, count, total, cursorOf);
  }
}
