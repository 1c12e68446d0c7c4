import { smsSink, uniqueName, waitFor } from '@shop/testing';
import { PermanentDeliveryError } from '../src/email/email.provider';
import { startWorkers, type WorkersConfig } from '../src/server';
import { TwilioSmsProvider } from '../src/sms/sms.provider';
import { producerFor, testConfig } from './helpers';

describe('sms worker', () => {
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

  const number = () => `+8210${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const sent = async (to: string) => (await smsSink.list()).filter((sms) => sms.to === to);

  it('sends through the real Twilio client to the configured API base URL, retrying a 503', async () => {
    const to = number();
    await smsSink.failNext(1);
    await producer.sendSms({
      eventId: uniqueName('evt'),
      to,
      name: 'Bo',
      template: 'welcome',
      locale: 'en',
    });
    const [message] = await waitFor('the SMS', async () => {
      const messages = await sent(to);
      return messages.length ? messages : undefined;
    });
    expect(message).toMatchObject({ to, from: config.TWILIO_FROM, body: '[Shop] Welcome, Bo!' });
  });

  it('fails a job with a number that is not E.164 without retrying', async () => {
    const job = await producer.smsQueue.add(
      'welcome',
      {
        eventId: 'evt-bad-number',
        to: '010-1234-5678',
        name: 'Bo',
        template: 'welcome',
        locale: 'ko',
      },
      { jobId: 'sms-evt-bad-number' },
    );
    await waitFor('the job to fail', async () => ((await job.isFailed()) ? true : undefined));
    expect((await producer.smsQueue.getJob('sms-evt-bad-number'))?.attemptsMade).toBe(1);
  });

  it('turns Twilio refusing a number (21211) into a permanent failure', async () => {
    const provider = new TwilioSmsProvider({
      accountSid: config.TWILIO_ACCOUNT_SID,
      authToken: config.TWILIO_AUTH_TOKEN,
      from: config.TWILIO_FROM,
      apiBaseUrl: config.TWILIO_API_BASE_URL,
    });
    const refused = provider.send('12345', 'hello');
    await expect(refused).rejects.toBeInstanceOf(PermanentDeliveryError);
    await expect(refused).rejects.toThrow(/not a valid phone number/);
  });
});
