import type { Queue } from 'bullmq';
import { Types } from 'mongoose';
import { NotificationProducer } from '@shop/jobs';
import { createLogger } from '@shop/logger';
import { dispatchUserEvent } from './notification.relay';
import { emailVerified, verificationRequested } from './user-events';

/** Queues that record what was added, to check the mapping from events to jobs. */
function recordingProducer() {
  const added: Array<{ queue: string; name: string; data: unknown; jobId?: string }> = [];
  const queue = (name: string) =>
    ({
      add: async (jobName: string, data: unknown, options: { jobId?: string }) => {
        added.push({ queue: name, name: jobName, data, jobId: options.jobId });
      },
    }) as unknown as Queue;
  return {
    added,
    producer: new NotificationProducer(queue('email') as never, queue('sms') as never),
  };
}

const user = {
  _id: new Types.ObjectId(),
  email: 'minji@example.com',
  name: 'Minji',
  locale: 'en' as const,
  phone: '+821012345678',
};

describe('dispatchUserEvent', () => {
  it('queues the verification mail under a job id derived from the event', async () => {
    const { added, producer } = recordingProducer();
    const event = verificationRequested(user, 'https://shop.example/verify-email?token=t');
    await dispatchUserEvent(producer, event);
    expect(added).toEqual([
      {
        queue: 'email',
        name: 'verification',
        jobId: `email-${event.id}`,
        data: expect.objectContaining({
          to: 'minji@example.com',
          locale: 'en',
          verifyUrl: 'https://shop.example/verify-email?token=t',
        }),
      },
    ]);
  });

  it('queues the welcome mail and, with a phone, the welcome SMS', async () => {
    const { added, producer } = recordingProducer();
    const event = emailVerified(user);
    await dispatchUserEvent(producer, event);
    expect(added.map(({ queue, jobId }) => [queue, jobId])).toEqual([
      ['email', `email-${event.id}`],
      ['sms', `sms-${event.id}`],
    ]);
  });

  it('drops an event the queue schema refuses instead of stalling the outbox', async () => {
    const { added, producer } = recordingProducer();
    const event = emailVerified({ ...user, email: 'not-an-address', phone: undefined });
    await expect(
      dispatchUserEvent(producer, event, createLogger('test', 'silent')),
    ).resolves.toBeUndefined();
    expect(added).toEqual([]);
  });
});
