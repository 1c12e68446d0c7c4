import { Types } from 'mongoose';
import { requireUser, type Identity } from '@shop/auth';
import { inquiryCreated, type OrderSummary } from '@shop/contracts';
import { BadUserInputError, NotFoundError, parseInput } from '@shop/errors';
import type { AssignmentService } from '../agent/assignment.service';
import type { Clock } from '../clock';
import type { OrderSummariesClient } from '../clients/order-summaries.client';
import type { ProductLookupClient } from '../clients/product-lookup.client';
import { startSla, type SlaPolicy } from '../sla/sla-policy';
import type { SlaTimers } from '../sla/sla-timers';
import { createInquiryInput, type CreateInquiryInput } from './inquiry-input';
import type { InquiryNumbers } from './inquiry-number';
import { priorityOf } from './inquiry-priority';
import { viewFor, type InquiryView } from './inquiry-view';
import { CATEGORY_TEAMS, type InquiryPriority } from './inquiry-vocabulary';
import type { InquiryDocument, InquiryModel } from './inquiry.model';

const DAY_MS = 24 * 3_600_000;

export interface InquiryIntakeDeps {
  inquiries: InquiryModel;
  numbers: InquiryNumbers;
  orders: OrderSummariesClient;
  products: ProductLookupClient;
  assignment: AssignmentService;
  timers: SlaTimers;
  sla: SlaPolicy;
  clock: Clock;
}

/** What the intake learned about the order and product an inquiry names. */
interface Subject {
  order: OrderSummary | null;
  productId: string | null;
}

/** What the intake decided about a new inquiry. */
interface Intake {
  customerId: string;
  input: CreateInquiryInput;
  subject: Subject;
  priority: InquiryPriority;
  reasons: string[];
  number: string;
  now: Date;
}

/** The inquiry as stored: its first message, SLA, audit line and created event in one document. */
function newInquiry(
  { customerId, input, subject, priority, reasons, number, now }: Intake,
  sla: SlaPolicy,
) {
  const _id = new Types.ObjectId();
  const team = CATEGORY_TEAMS[input.category];
  const { order, productId } = subject;
  const message = {
    _id: new Types.ObjectId(),
    authorId: customerId,
    side: 'CUSTOMER' as const,
    body: input.body,
    internal: false,
    at: now,
  };
  const created = inquiryCreated.create({
    inquiryId: _id.toHexString(),
    number,
    customerId,
    category: input.category,
    priority,
    team,
    ...(order ? { orderId: order.id } : {}),
    ...(productId ? { productId } : {}),
  });
  return {
    _id,
    number,
    customerId,
    category: input.category,
    priority,
    team,
    status: 'OPEN' as const,
    subject: input.subject,
    orderId: order?.id ?? null,
    productId,
    assigneeId: null,
    messages: [message],
    sla: startSla(now, priority, sla),
    events: [
      {
        kind: 'CREATED',
        by: customerId,
        at: now,
        detail: `${priority} (${reasons.join(', ')}) → ${team}`,
      },
    ],
    outbox: [created],
    revision: 0,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Seed 001, 문의 접수: a customer's inquiry is checked, numbered, prioritised by the rules,
 * routed to its category's team, stored with its first message, SLA and created event in one
 * insert, then given to an agent by the assignment rule and its SLA timers planned.
 */
export class InquiryIntakeService {
  constructor(private readonly deps: InquiryIntakeDeps) {}

  /**
   * A signed-in user opens an inquiry, maybe about one of their orders or a product.
   * @throws UNAUTHENTICATED; BAD_USER_INPUT for bad fields; NOT_FOUND for an order that is not
   * the caller's or a product that does not exist. Nothing is stored then.
   */
  async createInquiry(identity: Identity | null, raw: unknown): Promise<InquiryView> {
    const user = requireUser(identity);
    const input = parseInput(createInquiryInput, raw, 'input');
    const subject = await this.checkSubject(user.userId, input);
    const now = this.deps.clock.now();
    const inquiry = await this.store(user.userId, input, subject, now);
    await this.deps.timers.plan(inquiry);
    const assigned = await this.deps.assignment.assignByRule(inquiry);
    return viewFor(assigned, identity) as InquiryView;
  }

  /** The order must be the caller's, the product must exist, and belong to the order if both. */
  private async checkSubject(customerId: string, input: CreateInquiryInput): Promise<Subject> {
    const [order, product] = await Promise.all([
      input.orderId ? this.deps.orders.summary(input.orderId) : null,
      input.productId ? this.deps.products.product(input.productId) : null,
    ]);
    if (input.orderId && order?.buyerId !== customerId) {
      throw new NotFoundError('Order', input.orderId);
    }
    if (input.productId && !product) throw new NotFoundError('Product', input.productId);
    const lines = order?.productIds ?? [];
    if (input.productId && lines.length && !lines.includes(input.productId)) {
      throw new BadUserInputError('input.productId: not a product of the order', 'input.productId');
    }
    // An order of one product is about that product.
    const productId = input.productId ?? (lines.length === 1 ? (lines[0] ?? null) : null);
    return { order: order ?? null, productId };
  }

  private async store(
    customerId: string,
    input: CreateInquiryInput,
    subject: Subject,
    now: Date,
  ): Promise<InquiryDocument> {
    const repeatWithinDay = !!(await this.deps.inquiries.exists({
      customerId,
      createdAt: { $gte: new Date(now.getTime() - DAY_MS) },
    }));
    const { priority, reasons } = priorityOf({ ...input, order: subject.order, repeatWithinDay });
    const number = await this.deps.numbers.next(now);
    const document = newInquiry(
      { customerId, input, subject, priority, reasons, number, now },
      this.deps.sla,
    );
    const [created] = await this.deps.inquiries.create([document], { timestamps: false });
    if (!created) throw new Error(`inquiry ${number} was not stored`);
    const { outbox: _outbox, ...stored } = created.toObject<InquiryDocument>();
    return stored;
  }
}
