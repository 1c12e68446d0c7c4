import { uniqueName } from '@shop/testing';
import { createNotificationProducer, type NotificationProducer } from '../src';

describe('notification producer', () => {
  let producer: NotificationProducer;

  beforeAll(() => {
    producer = createNotificationProducer({
      redisUrl: String(process.env['REDIS_URL']),
      prefix: uniqueName('jobs'),
    });
  });
  afterAll(() => producer.close());

  const welcome = { eventId: 'evt-1', to: 'minji@example.com', name: 'Minji', template: 'welcome' };

  it('adds one job per event, with a deterministic id and the retry defaults', async () => {
    await producer.sendEmail({ ...welcome, template: 'welcome' });
    await producer.sendEmail({ ...welcome, template: 'welcome' });
    const jobs = await producer.emailQueue.getJobs(['waiting', 'delayed', 'active']);
    expect(jobs.map((job) => job.id)).toEqual(['email-evt-1']);
    expect(jobs[0]?.data).toEqual({ ...welcome, locale: 'ko' });
    expect(jobs[0]?.opts).toMatchObject({
      attempts: 5,
      backoff: { type: 'exponential', delay: 1_000 },
    });
  });

  it('refuses payloads that do not match the queue schema, adding nothing', async () => {
    await expect(
      producer.sendEmail({ ...welcome, template: 'welcome', to: 'not-an-address' }),
    ).rejects.toThrow();
    await expect(
      producer.sendSms({ eventId: 'evt-2', to: '010-1234', name: 'M', template: 'welcome' }),
    ).rejects.toThrow(/E.164/);
    expect(await producer.smsQueue.count()).toBe(0);
    await producer.sendSms({
      eventId: 'evt-3',
      to: '+821012345678',
      name: 'M',
      template: 'welcome',
    });
    expect((await producer.smsQueue.getJob('sms-evt-3'))?.data.to).toBe('+821012345678');
  });
});
