import { inquiryResolved } from '@shop/contracts';
import { MalformedEventError, type EventDispatcher } from '@shop/events';
import type { Logger } from '@shop/logger';
import type { KnowledgeService } from './knowledge.service';

/**
 * A dispatcher of the support relay: a resolution published with `resolveInquiry(publish: true)`
 * becomes an article once the resolved event leaves the outbox, so the article cannot be lost
 * between the resolution and its publication.
 */
export function knowledgePublisher(knowledge: KnowledgeService, logger: Logger): EventDispatcher {
  return {
    name: 'knowledge',
    async dispatch(events) {
      for (const event of events) {
        if (event.type !== inquiryResolved.type) continue;
        try {
          const resolved = inquiryResolved.parse(event);
          if (resolved.publish) await knowledge.publish(resolved.inquiryId, resolved.agentId);
        } catch (error) {
          // Holding a malformed event would stall the outbox behind it.
          if (!(error instanceof MalformedEventError)) throw error;
          logger.error({ eventId: event.id, err: error.message }, 'resolution not published');
        }
      }
    },
    close: async () => undefined,
  };
}
