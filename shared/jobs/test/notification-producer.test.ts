import { Worker } from 'bullmq';
import { createRedis } from '@shop/redis';
import { uniqueName, waitFor } from '@shop/testing';
import { createNotificationProducer, type NotificationProducer } from '../src';

describe('notification producer', () => {
  let producer: NotificationProducer;
  const prefix = uniqueName('jobs');

  beforeAll(() => {
    producer = createNotificationProducer({ redisUrl: String(process.env['REDIS_URL']), prefix });
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

  it('removes a job carrying a one-time token once it is sent, and keeps an ordinary one', async () => {
    const link = 'https://shop.example/verify-email?token=secret-token';
    const recipient = { to: 'minji@example.com', name: 'Minji' };
    await producer.sendEmail({
      ...recipient,
      eventId: 'evt-v',
      template: 'verification',
      verifyUrl: link,
    });
    await producer.sendEmail({ ...recipient, eventId: 'evt-w', template: 'welcome' });
    const connection = createRedis(String(process.env['REDIS_URL']), { forQueues: true });
    const sent: string[] = [];
    const worker = new Worker(
      producer.emailQueue.name,
      async (job) => void sent.push(String(job.id)),
      { connection, prefix },
    );
    await waitFor('both mails to be processed', async () =>
      sent.includes('email-evt-v') && sent.includes('email-evt-w') ? true : undefined,
    );
    await worker.close();
    await connection.quit();
    expect(await producer.emailQueue.getJob('email-evt-v')).toBeUndefined();
    expect(await producer.emailQueue.getJob('email-evt-w')).toBeDefined();
    // Nowhere in the queue's hashes (jobs, their data and results) does the token remain.
    const client = createRedis(String(process.env['REDIS_URL']));
    const keys = await client.keys(`${prefix}:*`);
    const hashes = await Promise.all(
      keys.map(async (key) => ((await client.type(key)) === 'hash' ? client.hgetall(key) : {})),
    );
    await client.quit();
    expect(JSON.stringify(hashes)).not.toContain('secret-token');
  });
});
