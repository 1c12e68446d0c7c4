import { createNotificationProducer, type NotificationProducer } from '@shop/jobs';
import { mailSink, uniqueName, waitFor } from '@shop/testing';
import { loadWorkersConfig, type WorkersConfig } from '../src/server';

/** A workers configuration with its own queue prefix and short lock, for one test file. */
export function testConfig(overrides: Record<string, string> = {}): WorkersConfig {
  return loadWorkersConfig({
    ...process.env,
    QUEUE_PREFIX: uniqueName('q'),
    WORKER_LOCK_MS: '1000',
    ...overrides,
  });
}

export function producerFor(config: WorkersConfig): NotificationProducer {
  return createNotificationProducer({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX });
}

/** A recipient no other test writes to, so assertions on the shared sink stay independent. */
export function uniqueAddress(): string {
  return `${uniqueName('to')}@example.test`;
}

export async function mailsTo(address: string) {
  return (await mailSink.list()).filter((mail) => mail.to.includes(address));
}

/** Waits until `address` received a mail, then a little longer to catch any duplicate. */
export async function deliveredOnce(address: string) {
  await waitFor(
    `a mail to ${address}`,
    async () => ((await mailsTo(address)).length > 0 ? true : undefined),
    { timeoutMs: 20_000 },
  );
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  return mailsTo(address);
}
