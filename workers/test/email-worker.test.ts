import { mailSink, uniqueName, waitFor } from '@shop/testing';
import { listFailedJobs, startWorkers, type WorkersConfig } from '../src/server';
import { deliveredOnce, producerFor, testConfig, uniqueAddress } from './helpers';

describe('email worker', () => {
  let config: WorkersConfig;
  let workers: ReturnType<typeof startWorkers>;
  let producer: ReturnType<typeof producerFor>;

  beforeAll(() => {
    config = testConfig();
    workers = startWorkers(config);
    producer = producerFor(config);
  });
  afterAll(async () => {
    await producer.close();
    await workers.stop();
  });

  const welcome = (to: string, eventId = uniqueName('evt')) => ({
    eventId,
    to,
    name: '김민지',
    template: 'welcome' as const,
  });

  it('renders the template in Korean and delivers it through SMTP', async () => {
    const to = uniqueAddress();
    await producer.sendEmail(welcome(to));
    const [mail, ...others] = await deliveredOnce(to);
    expect(others).toEqual([]);
    expect(mail).toMatchObject({
      subject: '[Shop] 가입을 환영합니다',
      from: 'no-reply@shop.local',
    });
    expect(mail?.text).toContain('김민지님, 환영합니다!');
    expect(mail?.html).toContain('<html lang="ko">');
  });

  it('retries while SMTP answers 451 and delivers once it recovers', async () => {
    const to = uniqueAddress();
    await mailSink.failNext(2);
    await producer.sendEmail(welcome(to, 'evt-retried'));
    expect(await deliveredOnce(to)).toHaveLength(1);
    const job = await producer.emailQueue.getJob('email-evt-retried');
    expect(job?.attemptsMade).toBe(3);
    expect(await job?.isCompleted()).toBe(true);
  });

  it('sends one mail for a duplicated event, whatever the job id', async () => {
    const to = uniqueAddress();
    const event = welcome(to);
    await producer.sendEmail(event);
    await producer.sendEmail(event);
    // A relay that re-delivers after the job was removed adds a job under another id.
    await producer.emailQueue.add('welcome', { ...event, locale: 'ko' }, { jobId: 'replayed-1' });
    expect(await deliveredOnce(to)).toHaveLength(1);
    const replayed = await producer.emailQueue.getJob('replayed-1');
    await waitFor('the replayed job to finish', async () =>
      (await replayed?.isCompleted()) ? true : undefined,
    );
    expect((await producer.emailQueue.getJob('replayed-1'))?.returnvalue).toBe('duplicate');
  });

  it('gives up at once on an invalid address and lists the job for operators', async () => {
    await producer.emailQueue.add(
      'welcome',
      { ...welcome('not-an-address', 'evt-bad-address'), locale: 'ko' },
      { jobId: 'email-evt-bad-address' },
    );
    const [failed] = await waitFor('the failed job', async () => {
      const jobs = await listFailedJobs({
        redisUrl: config.REDIS_URL,
        prefix: config.QUEUE_PREFIX,
        queue: 'email',
      });
      return jobs.length ? jobs : undefined;
    });
    expect(failed).toMatchObject({
      id: 'email-evt-bad-address',
      eventId: 'evt-bad-address',
      attemptsMade: 1,
      failedReason: expect.stringMatching(/invalid payload/),
    });
  });
});
