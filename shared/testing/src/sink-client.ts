export interface SinkClient<T> {
  list(): Promise<T[]>;
  clear(): Promise<void>;
  /** Makes the sink fail the next `count` deliveries with a temporary error. */
  failNext(count: number): Promise<void>;
}

export interface SinkMail {
  id: string;
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  receivedAt: string;
}

export interface SinkSms {
  id: string;
  to: string;
  from: string;
  body: string;
  receivedAt: string;
}

function sinkClient<T>(baseUrl: () => string): SinkClient<T> {
  return {
    async list() {
      const response = await fetch(`${baseUrl()}/api/messages`);
      return (await response.json()) as T[];
    },
    async clear() {
      await fetch(`${baseUrl()}/api/messages`, { method: 'DELETE' });
    },
    async failNext(count) {
      await fetch(`${baseUrl()}/api/failures`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ count }),
      });
    },
  };
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the test through jest's integration preset`);
  return value;
}

/** The mail sink started by the global setup. */
export const mailSink = sinkClient<SinkMail>(() => required('MAIL_SINK_URL'));
/** The SMS sink started by the global setup. */
export const smsSink = sinkClient<SinkSms>(() => required('SMS_SINK_URL'));
