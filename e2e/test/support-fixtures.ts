import { Types } from 'mongoose';
import type { Role } from '@shop/auth';
import { seedCatalog } from '@shop/products-subgraph';
import { mailSink, smsSink, waitFor } from '@shop/testing';
import { createSignedInUser, type GraphQLResult, type Stack, type TestUser } from '../src';

/** The fields the support tests read of an inquiry. */
export const INQUIRY = `id number status priority team category subject resolution rating ratingComment
  customer { id } assignee { id }
  sla { firstResponseDueAt resolutionDueAt firstRespondedAt pausedAt breached breachedAt }
  messages { id side body internal author { id } at }
  events { kind by at detail }
  createdAt updatedAt`;

export interface InquiryView {
  id: string;
  number: string;
  status: string;
  priority: string;
  team: string;
  category: string;
  subject: string;
  resolution: string | null;
  rating: number | null;
  ratingComment: string | null;
  customer: { id: string };
  assignee: { id: string } | null;
  sla: {
    firstResponseDueAt: string;
    resolutionDueAt: string;
    firstRespondedAt: string | null;
    pausedAt: string | null;
    breached: boolean;
    breachedAt: string | null;
  };
  messages: Array<{
    id: string;
    side: string;
    body: string;
    internal: boolean;
    author: { id: string };
    at: string;
  }>;
  events: Array<{ kind: string; by: string; at: string; detail: string | null }>;
  createdAt: string;
  updatedAt: string;
}

export interface NewInquiry {
  category?: string;
  subject?: string;
  body?: string;
  orderId?: string;
  productId?: string;
}

/** A person of the test: their id, address and token (null for anonymous). */
export type Caller = (TestUser & { phone?: string }) | null;

/**
 * Seed builders and calls for the support desk through the gateway: people with roles, agents
 * with teams (set by an ADMIN through `setAgentTeams`), orders in the orders database, products
 * from the catalog seed.
 */
export class SupportDesk {
  private products: string[] = [];

  private constructor(
    readonly stack: Stack,
    /** The ADMIN who sets agents' teams; escalations go to them too. */
    readonly admin: TestUser,
  ) {}

  static async open(stack: Stack): Promise<SupportDesk> {
    return new SupportDesk(
      stack,
      await createSignedInUser(stack, { roles: ['ADMIN'], name: 'Desk Admin' }),
    );
  }

  /** Runs an operation as `caller` and returns the whole result. */
  call<TData = Record<string, unknown>>(
    caller: Caller,
    query: string,
    variables: Record<string, unknown> = {},
  ) {
    return this.stack.query<TData>(query, variables, caller ? { token: caller.accessToken } : {});
  }

  /** A signed-in user with the roles given and, maybe, a phone number (E.164). */
  async person(
    roles: Role[] = ['CUSTOMER'],
    phone?: string,
  ): Promise<TestUser & { phone?: string }> {
    const user = await createSignedInUser(this.stack, {
      roles,
      name: `${roles[0]} ${roles.length}`,
    });
    if (phone) {
      await this.stack.subgraphs.users.subgraph.runtime.mongo
        .collection('users')
        .updateOne({ _id: new Types.ObjectId(user.id) }, { $set: { phone } });
    }
    return { ...user, ...(phone ? { phone } : {}) };
  }

  /** A new AGENT working `teams`, set by the desk's ADMIN through the gateway. */
  async agent(teams: string[]): Promise<TestUser> {
    const agent = await this.person(['AGENT']);
    await this.setTeams(agent.id, teams);
    return agent;
  }

  async setTeams(agentId: string, teams: string[]): Promise<void> {
    const result = await this.call(
      this.admin,
      'mutation ($a: ID!, $t: [SupportTeam!]!) { setAgentTeams(agentId: $a, teams: $t) }',
      {
        a: agentId,
        t: teams,
      },
    );
    if (result.errors) throw new Error(`setAgentTeams failed: ${JSON.stringify(result.errors)}`);
  }

  /**
   * An order of `buyerId` in `status` for one unit of `productId`, created through the orders model so that it has every field
   * the model requires today (the orders subgraph answers the summaries support asks for). Orders
   * in any status, SHIPPED included, without walking the fulfilment journey first.
   */
  async order(
    buyerId: string,
    { amount = 59_000, status = 'PAID', productId = new Types.ObjectId().toHexString() } = {},
  ): Promise<{ id: string; number: string }> {
    const id = new Types.ObjectId();
    const number = `20261123-${id.toHexString().slice(-6)}`;
    const won = (value: number) => ({ amount: value, currency: 'KRW' });
    await this.stack.subgraphs.orders.subgraph.models.orders.create({
      _id: id,
      number,
      buyerId,
      buyerContact: { email: 'buyer@example.com', name: '구매자', phone: null, locale: 'ko' },
      source: 'ITEMS',
      status,
      lines: [
        {
          productId,
          productName: '테스트 상품',
          unitPrice: won(amount),
          quantity: 1,
          lineTotal: won(amount),
          discountShare: won(0),
        },
      ],
      subtotal: won(amount),
      shippingFee: won(0),
      discount: won(0),
      total: won(amount),
      refunded: won(0),
      shippingAddress: {
        recipient: '구매자',
        phone: '010-1234-5678',
        postalCode: '06236',
        line1: '서울특별시 강남구 테헤란로 1',
      },
      payBy: new Date(),
      reservation: { status: 'COMMITTED', expiresAt: new Date() },
    });
    return { id: id.toHexString(), number };
  }

  /** A product of the seeded catalog that no other test of the file used. */
  async product(): Promise<string> {
    if (!this.products.length) {
      const connection = this.stack.subgraphs.products.subgraph.runtime.mongo;
      await seedCatalog(connection, 40);
      const rows = await connection
        .collection('products')
        .find({}, { projection: { _id: 1 } })
        .sort({ sku: 1 })
        .toArray();
      this.products = rows.map((row) => String(row['_id']));
    }
    const id = this.products.shift();
    if (!id) throw new Error('the seeded catalog has no product left');
    return id;
  }

  /** Opens an inquiry as `customer`; fails the test on any error. */
  async inquiry(customer: Caller, input: NewInquiry = {}): Promise<InquiryView> {
    const result = await this.createInquiry(customer, input);
    if (!result.data?.createInquiry)
      throw new Error(`createInquiry failed: ${JSON.stringify(result.errors)}`);
    return result.data.createInquiry;
  }

  createInquiry(
    customer: Caller,
    input: NewInquiry = {},
  ): Promise<GraphQLResult<{ createInquiry: InquiryView }>> {
    return this.call<{ createInquiry: InquiryView }>(
      customer,
      `mutation ($input: CreateInquiryInput!) { createInquiry(input: $input) { ${INQUIRY} } }`,
      {
        input: { category: 'ORDER', subject: '문의드립니다', body: '확인 부탁드립니다.', ...input },
      },
    );
  }

  /** The inquiry as `caller` sees it through the gateway. */
  async read(caller: Caller, id: string): Promise<InquiryView> {
    const result = await this.call<{ inquiry: InquiryView }>(
      caller,
      `query ($id: ID!) { inquiry(id: $id) { ${INQUIRY} } }`,
      { id },
    );
    if (!result.data?.inquiry)
      throw new Error(`inquiry ${id} unreadable: ${JSON.stringify(result.errors)}`);
    return result.data.inquiry;
  }

  /** Runs a mutation that returns an inquiry and hands back the whole result. */
  act(caller: Caller, mutation: string, variables: Record<string, unknown>) {
    return this.call<Record<string, InquiryView>>(
      caller,
      `mutation (${signature(variables)}) { ${mutation} { ${INQUIRY} } }`,
      variables,
    );
  }

  /** The stored inquiry, straight from the support database, for "nothing changed" checks. */
  stored(id: string) {
    return this.stack.subgraphs.support.subgraph.models.inquiries.findById(id).lean();
  }
}

const VARIABLE_TYPES: Record<string, string> = {
  id: 'ID!',
  agentId: 'ID!',
  body: 'String!',
  internal: 'Boolean',
  input: 'ResolveInquiryInput!',
  priority: 'InquiryPriority!',
  score: 'Int!',
  comment: 'String',
};

function signature(variables: Record<string, unknown>): string {
  return Object.keys(variables)
    .map((name) => `$${name}: ${VARIABLE_TYPES[name] ?? 'String'}`)
    .join(', ');
}

/** Mail and SMS the sinks hold for one address or number. */
export async function mailsTo(address: string) {
  return (await mailSink.list()).filter((mail) => mail.to.includes(address));
}

export async function smsTo(number: string) {
  return (await smsSink.list()).filter((sms) => sms.to === number);
}

/** Waits until `address` got `count` mails whose subject matches, and returns them. */
export function waitForMails(address: string, subject: RegExp, count = 1, timeoutMs = 20_000) {
  return waitFor(
    `${count} mail(s) to ${address} matching ${subject}`,
    async () => {
      const found = (await mailsTo(address)).filter((mail) => subject.test(mail.subject));
      return found.length >= count ? found : undefined;
    },
    { timeoutMs },
  );
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
