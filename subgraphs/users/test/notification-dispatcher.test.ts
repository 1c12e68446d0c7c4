import { Types } from 'mongoose';
import { createNotificationProducer, type NotificationProducer } from '@shop/jobs';
import { createLogger } from '@shop/logger';
import { uniqueName } from '@shop/testing';
import { notificationDispatcher } from '../src/notification/notification.dispatcher';
import { emailVerified, verificationRequested } from '../src/notification/user-events';

const user = {
  _id: new Types.ObjectId(),
  email: 'minji@example.com',
  name: 'Minji',
  locale: 'en' as const,
  phone: '+821012345678',
};

describe('the users notification dispatcher, against real queues', () => {
  let producer: NotificationProducer;

  beforeEach(() => {
    producer = createNotificationProducer({
      redisUrl: String(process.env['REDIS_URL']),
      prefix: uniqueName('users-notify'),
    });
  });
  afterEach(() => producer.close());

  const dispatch = (
    ...events: Parameters<ReturnType<typeof notificationDispatcher>['dispatch']>[0]
  ) => notificationDispatcher(producer, createLogger('test', 'silent')).dispatch(events);

  it('queues the verification mail once, under a job id derived from the event', async () => {
    const event = verificationRequested(user, 'https://shop.example/verify-email?token=t');
    await dispatch(event);
    await dispatch(event);
    const jobs = await producer.emailQueue.getJobs(['waiting']);
    expect(jobs.map((job) => [job.id, job.name])).toEqual([[`email-${event.id}`, 'verification']]);
    expect(jobs[0]?.data).toMatchObject({
      to: 'minji@example.com',
      locale: 'en',
      verifyUrl: 'https://shop.example/verify-email?token=t',
    });
  });

  it('queues the welcome mail and, with a phone, the welcome SMS', async () => {
    const event = emailVerified(user);
    await dispatch(event);
    expect((await producer.emailQueue.getJobs(['waiting'])).map((job) => job.id)).toEqual([
      `email-${event.id}`,
    ]);
    expect((await producer.smsQueue.getJobs(['waiting'])).map((job) => job.id)).toEqual([
      `sms-${event.id}`,
    ]);
  });

  it('drops an event whose mail the queue schema refuses, so the batch and outbox go on', async () => {
    const refused = emailVerified({ ...user, email: 'not-an-address', phone: undefined });
    const fine = emailVerified({ ...user, phone: undefined });
    await expect(dispatch(refused, fine)).resolves.toBeUndefined();
    expect((await producer.emailQueue.getJobs(['waiting'])).map((job) => job.id)).toEqual([
      `email-${fine.id}`,
    ]);
  });
});
