import type { DomainEvent } from '@shop/events';
import { createNotificationProducer } from '@shop/jobs';
import { createLogger } from '@shop/logger';
import { mailSink, smsSink, waitFor } from '@shop/testing';
import { notificationDispatcher } from '@shop/users-subgraph';
import { registerUser, startStack, tokenFromMail, waitForMail, type Stack } from '../src';

async function mailsTo(to: string) {
  return (await mailSink.list()).filter((mail) => mail.to.includes(to));
}

describe('the notification pipeline: outbox, relay, queue, worker', () => {
  let stack: Stack;

  beforeAll(async () => {
    // The relay waits an hour between passes: as if the process died right after each write.
    stack = await startStack({ OUTBOX_RELAY_INTERVAL_MS: '3600000' }, { workers: true });
  });
  afterAll(() => stack.stop());

  const users = () => stack.subgraphs.users.subgraph.runtime.mongo.collection('users');
  const pendingEvents = async (email: string) =>
    ((await users().findOne({ email }))?.['outbox'] ?? []) as DomainEvent[];

  it('keeps the event with the write when the relay dies, delivers it after a restart, and sends a re-relayed event once', async () => {
    const lost = await registerUser(stack);
    const replayed = await registerUser(stack);
    expect(await pendingEvents(lost.user.email)).toHaveLength(1);
    const [event] = await pendingEvents(replayed.user.email);
    // A relay that enqueued this event and died before acknowledging it.
    const producer = createNotificationProducer({
      redisUrl: String(stack.env['REDIS_URL']),
      prefix: String(stack.env['QUEUE_PREFIX']),
    });
    const dispatcher = notificationDispatcher(producer, createLogger('test', 'silent'));
    await dispatcher.dispatch([event!]);
    await dispatcher.close();
    await waitForMail(replayed.user.email, /이메일 주소를 인증/);
    expect(await mailsTo(lost.user.email)).toEqual([]);

    stack.env['OUTBOX_RELAY_INTERVAL_MS'] = '100';
    await stack.restart('users');
    await waitForMail(lost.user.email, /이메일 주소를 인증/);
    await waitFor('the outboxes to drain', async () =>
      (await pendingEvents(replayed.user.email)).length === 0 ? true : undefined,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await mailsTo(lost.user.email)).toHaveLength(1);
    expect(await mailsTo(replayed.user.email)).toHaveLength(1);
  });

  it('sends the welcome mail in English and a welcome SMS once the email is verified', async () => {
    const phone = '+821055501234';
    const { user } = await registerUser(stack, { locale: 'EN', phone, name: 'Bo' });
    const verification = await waitForMail(user.email, /Please verify your email/);
    await stack.query('mutation ($t: String!) { verifyEmail(token: $t) { id } }', {
      t: tokenFromMail(verification, 'verify-email'),
    });
    const welcome = await waitForMail(user.email, /Welcome aboard/);
    expect(welcome.text).toContain('Welcome, Bo!');
    const sms = await waitFor('the welcome SMS', async () =>
      (await smsSink.list()).find((message) => message.to === phone),
    );
    expect(sms.body).toBe('[Shop] Welcome, Bo!');
  });
});
