/**
 * Auth latency benchmark, run on demand (not part of the tests):
 *
 *   npx tsx e2e/bench/auth-latency.bench.ts [--logins 200] [--registrations 100]
 *     [--concurrency 10] [--email-rate 20]
 *
 * Starts private infrastructure (Redis, in-memory MongoDB-compatible server, mail and SMS
 * sinks) and the whole stack with the workers in this process, then reports
 * - login latency through the gateway, Argon2id verification included (sequential logins);
 * - registration-to-mail latency: from sending `register` to the verification mail being
 *   received by the SMTP sink (outbox → relay → queue → worker → SMTP), over N registrations
 *   sent `--concurrency` at a time.
 */
import { parseArgs } from 'node:util';
import { createQueue } from '@shop/jobs';
import { startTestInfrastructure } from '@shop/infra';
import { mailSink } from '@shop/testing';
import {
  AUTH_PAYLOAD,
  TEST_PASSWORD,
  newEmail,
  registerUser,
  startStack,
  type Stack,
} from '../src';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function summary(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  const fmt = (value: number) => `${value.toFixed(1)} ms`;
  return `${label.padEnd(36)} n=${sorted.length}  p50 ${fmt(percentile(sorted, 50))}  p99 ${fmt(percentile(sorted, 99))}  mean ${fmt(mean)}  max ${fmt(sorted.at(-1) ?? NaN)}`;
}

async function benchLogins(stack: Stack, count: number): Promise<number[]> {
  const { user } = await registerUser(stack);
  const query = `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { ${AUTH_PAYLOAD} } }`;
  const samples: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const started = performance.now();
    const result = await stack.query(query, { email: user.email, password: TEST_PASSWORD });
    samples.push(performance.now() - started);
    if (result.errors) throw new Error(`login failed: ${JSON.stringify(result.errors)}`);
  }
  return samples;
}

/** Where the time goes, from the email jobs' own timestamps. */
async function stageBreakdown(stack: Stack, sentAt: Map<string, number>) {
  const queue = createQueue<{ to: string }>('email', {
    redisUrl: String(stack.env['REDIS_URL']),
    prefix: String(stack.env['QUEUE_PREFIX']),
  });
  const jobs = (await queue.getCompleted(0, -1)).filter((job) => sentAt.has(job.data.to));
  await queue.close();
  return {
    'register → queued (relay)': jobs.map((job) => job.timestamp - (sentAt.get(job.data.to) ?? 0)),
    'queued → worker start': jobs.map((job) => (job.processedOn ?? NaN) - job.timestamp),
    'worker start → SMTP done': jobs.map(
      (job) => (job.finishedOn ?? NaN) - (job.processedOn ?? NaN),
    ),
  };
}

async function benchRegistrationToMail(
  stack: Stack,
  count: number,
  concurrency: number,
): Promise<{ toMail: number[]; response: number[]; stages: Record<string, number[]> }> {
  const sentAt = new Map<string, number>();
  const response: number[] = [];
  const emails = Array.from({ length: count }, () => newEmail());
  let next = 0;
  const sender = async () => {
    while (next < emails.length) {
      const email = emails[next++] as string;
      sentAt.set(email, Date.now());
      await registerUser(stack, { email });
      response.push(Date.now() - (sentAt.get(email) ?? 0));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, sender));
  const deadline = Date.now() + 120_000;
  for (;;) {
    const received = new Map<string, number>();
    for (const mail of await mailSink.list()) {
      for (const to of mail.to) if (sentAt.has(to)) received.set(to, Date.parse(mail.receivedAt));
    }
    if (received.size === count) {
      const toMail = emails.map(
        (email) => (received.get(email) ?? NaN) - (sentAt.get(email) ?? NaN),
      );
      return { toMail, response, stages: await stageBreakdown(stack, sentAt) };
    }
    if (Date.now() > deadline) throw new Error(`only ${received.size}/${count} mails arrived`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      logins: { type: 'string', default: '200' },
      registrations: { type: 'string', default: '100' },
      concurrency: { type: 'string', default: '10' },
      /** The email worker's provider limit (EMAIL_RATE_PER_SECOND); 20/s by default. */
      'email-rate': { type: 'string', default: '20' },
    },
  });
  const infrastructure = await startTestInfrastructure();
  const stack = await startStack(
    { LOGIN_IP_LIMIT: '1000000', EMAIL_RATE_PER_SECOND: values['email-rate'] },
    { workers: true },
  );
  try {
    const logins = await benchLogins(stack, Number(values.logins));
    const mails = await benchRegistrationToMail(
      stack,
      Number(values.registrations),
      Number(values.concurrency),
    );
    const label = `register → mail (c=${values.concurrency}, ${values['email-rate']}/s)`;
    console.log(summary('login (argon2id incl.)', logins));
    console.log(summary(`register response (c=${values.concurrency})`, mails.response));
    console.log(summary(label, mails.toMail));
    for (const [stage, samples] of Object.entries(mails.stages))
      console.log(summary(`  ${stage}`, samples));
  } finally {
    await stack.stop();
    await infrastructure.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
