import { InternalClient, type SubgraphFoundation, type SubgraphParts } from '@shop/service';
import { AgentService } from './agent/agent.service';
import { AssignmentService } from './agent/assignment.service';
import { systemClock, type Clock } from './clock';
import { OrderSummariesClient } from './clients/order-summaries.client';
import { ProductLookupClient } from './clients/product-lookup.client';
import { UserContactsClient } from './clients/user-contacts.client';
import type { SupportConfig } from './config';
import { InquiryAutoClose } from './inquiry/inquiry-auto-close';
import { InquiryCustomerService } from './inquiry/inquiry-customer.service';
import { InquiryIntakeService } from './inquiry/inquiry-intake.service';
import { InquiryNumbers } from './inquiry/inquiry-number';
import { InquiryTransitions } from './inquiry/inquiry-transitions';
import { InquiryWorkService } from './inquiry/inquiry-work.service';
import { INQUIRY_PRIORITIES } from './inquiry/inquiry-vocabulary';
import { KnowledgeService } from './knowledge/knowledge.service';
import type { SupportModels } from './models';
import type { SlaPolicy } from './sla/sla-policy';
import { SlaService } from './sla/sla.service';
import { SlaTimers } from './sla/sla-timers';

const MINUTE_MS = 60_000;

/** The SLA windows of the config, divided by its time scale. */
export function slaPolicyOf(config: SupportConfig): SlaPolicy {
  const scaled = (minutes: number) => Math.round((minutes * MINUTE_MS) / config.SLA_TIME_SCALE);
  const windows = Object.fromEntries(
    INQUIRY_PRIORITIES.map((priority) => [
      priority,
      {
        firstResponseMs: scaled(config.SLA_FIRST_RESPONSE_MINUTES[priority]),
        resolutionMs: scaled(config.SLA_RESOLUTION_MINUTES[priority]),
      },
    ]),
  ) as SlaPolicy['windows'];
  return { windows, reminderFraction: config.SLA_REMINDER_PERCENT / 100 };
}

/** Options of the support subgraph beyond its config. */
export interface SupportOptions {
  /** Where time comes from. @defaultValue the system clock */
  clock?: Clock;
}

function internalClients(config: SupportConfig) {
  const client = (baseUrl: string, audience: string) =>
    new InternalClient({
      baseUrl,
      caller: 'support',
      audience,
      secret: config.INTERNAL_API_SECRET,
    });
  return {
    contacts: new UserContactsClient(client(config.USERS_INTERNAL_URL, 'users')),
    orders: new OrderSummariesClient(client(config.ORDERS_INTERNAL_URL, 'orders')),
    products: new ProductLookupClient(client(config.PRODUCTS_INTERNAL_URL, 'products')),
  };
}

/** The support subgraph's process-wide services, built once from config, connections and models. */
export function createSupportServices(
  { config, runtime, models }: SubgraphFoundation<SupportConfig, SupportModels>,
  { clock = systemClock }: SupportOptions = {},
) {
  const { logger } = runtime;
  const sla = slaPolicyOf(config);
  const clients = internalClients(config);
  const timers = new SlaTimers(runtime.queues, clock, logger);
  const transitions = new InquiryTransitions(models.inquiries, timers, clock);
  const assignment = new AssignmentService({
    agents: models.agents,
    inquiries: models.inquiries,
    transitions,
    clock,
    logger,
  });
  const agents = new AgentService({
    agents: models.agents,
    contacts: clients.contacts,
    assignment,
    clock,
    logger,
  });
  return {
    clock,
    clients,
    timers,
    assignment,
    agents,
    intake: new InquiryIntakeService({
      inquiries: models.inquiries,
      numbers: new InquiryNumbers(models.counters),
      orders: clients.orders,
      products: clients.products,
      assignment,
      timers,
      sla,
      clock,
    }),
    customer: new InquiryCustomerService(transitions),
    work: new InquiryWorkService({ transitions, assignment, agents, sla }),
    sla: new SlaService({ inquiries: models.inquiries, transitions, clock, logger }),
    autoClose: new InquiryAutoClose({
      inquiries: models.inquiries,
      transitions,
      clock,
      afterMs: config.INQUIRY_AUTO_CLOSE_SECONDS * 1_000,
    }),
    knowledge: new KnowledgeService(models.articles, models.inquiries),
  };
}

export type SupportServices = ReturnType<typeof createSupportServices>;
export type SupportParts = SubgraphParts<SupportConfig, SupportModels, SupportServices>;
