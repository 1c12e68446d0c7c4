import { Worker, type WorkerOptions } from 'bullmq';
import { EMAIL_QUEUE, SMS_QUEUE, emailJobSchema, smsJobSchema } from '@shop/jobs';
import { createLogger, type Logger } from '@shop/logger';
import { createRedis, type Redis } from '@shop/redis';
import { Registry, collectDefaultMetrics } from 'prom-client';
import type { WorkersConfig } from './config';
import { startDataPlatformFeed } from './data-platform/data-platform.feed';
import { SmtpEmailProvider, type EmailProvider } from './email/email.provider';
import { notificationProcessor } from './notification.processor';
import { TwilioSmsProvider, type SmsProvider } from './sms/sms.provider';
import { renderEmail, renderSms } from './templates/notification-templates';

export interface RunningWorkers {
  email: Worker;
  sms: Worker;
  logger: Logger;
  /** Prometheus metrics of the process, the data platform's dead letters among them. */
  metrics: Registry;
  /** Stops taking jobs, waits for the ones in progress, then closes connections. */
  stop(): Promise<void>;
}

export interface WorkerProviders {
  email?: EmailProvider;
  sms?: SmsProvider;
}

function providersFrom(config: WorkersConfig, given: WorkerProviders) {
  return {
    email:
      given.email ??
      new SmtpEmailProvider({
        host: config.SMTP_HOST,
        port: config.SMTP_PORT,
        secure: config.SMTP_SECURE,
        user: config.SMTP_USER,
        password: config.SMTP_PASSWORD,
        from: config.MAIL_FROM,
      }),
    sms:
      given.sms ??
      new TwilioSmsProvider({
        accountSid: config.TWILIO_ACCOUNT_SID,
        authToken: config.TWILIO_AUTH_TOKEN,
        from: config.TWILIO_FROM,
        apiBaseUrl: config.TWILIO_API_BASE_URL,
      }),
  };
}

function workerOptions(
  config: WorkersConfig,
  concurrency: number,
  perSecond: number,
): WorkerOptions & { connection: Redis } {
  return {
    connection: createRedis(config.REDIS_URL, { forQueues: true }),
    prefix: config.QUEUE_PREFIX,
    concurrency,
    // The provider's rate limit, shared by every worker of the queue through Redis.
    limiter: { max: perSecond, duration: 1_000 },
    lockDuration: config.WORKER_LOCK_MS,
    stalledInterval: config.WORKER_LOCK_MS,
  };
}

/** A worker that logs jobs that failed (for good or for a retry) and its own errors. */
function observedWorker(
  queue: string,
  processor: ReturnType<typeof notificationProcessor>,
  options: WorkerOptions,
  logger: Logger,
): Worker {
  const worker = new Worker(queue, processor, options);
  worker.on('failed', (job, err) =>
    logger.warn(
      { queue, jobId: job?.id, attempts: job?.attemptsMade, err: err.message },
      'job failed',
    ),
  );
  worker.on('error', (err) => logger.error({ queue, err: err.message }, 'worker error'));
  return worker;
}

/** The processors of both queues: validate, deduplicate on event id, render, deliver. */
function processors(
  config: WorkersConfig,
  providers: ReturnType<typeof providersFrom>,
  common: { redis: Redis; logger: Logger; leaseMs: number },
) {
  return {
    email: notificationProcessor({
      ...common,
      consumer: `${config.QUEUE_PREFIX}:email`,
      schema: emailJobSchema,
      deliver: (job) => providers.email.send(job.to, renderEmail(job)),
    }),
    sms: notificationProcessor({
      ...common,
      consumer: `${config.QUEUE_PREFIX}:sms`,
      schema: smsJobSchema,
      deliver: (job) => providers.sms.send(job.to, renderSms(job)),
    }),
  };
}

/**
 * Starts the email and SMS workers and the data-platform feed. Providers default to SMTP and
 * Twilio from the config; tests may pass their own to simulate failures.
 */
export function startWorkers(config: WorkersConfig, given: WorkerProviders = {}): RunningWorkers {
  const logger = createLogger('workers', config.LOG_LEVEL);
  const redis: Redis = createRedis(config.REDIS_URL);
  const providers = providersFrom(config, given);
  const handlers = processors(config, providers, {
    redis,
    logger,
    leaseMs: config.WORKER_LOCK_MS,
  });
  const emailOptions = workerOptions(
    config,
    config.EMAIL_CONCURRENCY,
    config.EMAIL_RATE_PER_SECOND,
  );
  const smsOptions = workerOptions(config, config.SMS_CONCURRENCY, config.SMS_RATE_PER_SECOND);
  const email = observedWorker(EMAIL_QUEUE, handlers.email, emailOptions, logger);
  const sms = observedWorker(SMS_QUEUE, handlers.sms, smsOptions, logger);
  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics });
  const dataPlatform = startDataPlatformFeed(config, { redis, logger, registry: metrics });
  return {
    email,
    sms,
    logger,
    metrics,
    async stop() {
      await Promise.all([email.close(), sms.close(), dataPlatform.stop()]);
      providers.email.close();
      const connections = [redis, emailOptions.connection, smsOptions.connection];
      await Promise.allSettled(connections.map((connection) => connection.quit()));
    },
  };
}

export { loadWorkersConfig, type WorkersConfig } from './config';
export { listFailedJobs, retryFailedJobs, type FailedJobSummary } from './operations/failed-jobs';
export type { EmailProvider } from './email/email.provider';
export type { SmsProvider } from './sms/sms.provider';
