import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import express from 'express';
import { closeServer, listenOn } from './listen';
import { MessageStore } from './message-store';
import { sinkApi } from './sink-api';

export interface CapturedSms {
  to: string;
  from: string;
  body: string;
}

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * A stand-in for Twilio's Messages API that the real `twilio` client can talk to. It answers
 * like Twilio: 201 with a message resource, 401 without Basic credentials, and Twilio's error
 * 21211 for a number that is not E.164, so the worker's handling of permanent failures is real.
 */
export async function startSmsSink({ port, host = '127.0.0.1' }: { port: number; host?: string }) {
  const store = new MessageStore<CapturedSms>();
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  app.use(express.json());

  app.post('/2010-04-01/Accounts/:accountSid/Messages.json', (req, res) => {
    const accountSid = req.params.accountSid;
    if (!hasBasicCredentials(req.headers.authorization, accountSid)) {
      res.status(401).json(twilioError(20003, 'Authenticate', 401));
      return;
    }
    if (store.takeFailure()) {
      res.status(503).json(twilioError(20500, 'Service unavailable (injected by the sink)', 503));
      return;
    }
    const body = req.body as Record<string, string | undefined>;
    const to = body['To'] ?? '';
    const from = body['From'] ?? body['MessagingServiceSid'] ?? '';
    if (!E164.test(to)) {
      res
        .status(400)
        .json(twilioError(21211, `The 'To' number ${to} is not a valid phone number.`, 400));
      return;
    }
    const message = store.add({ to, from, body: body['Body'] ?? '' });
    const sid = `SM${randomBytes(16).toString('hex')}`;
    const now = new Date().toUTCString();
    res.status(201).json({
      sid,
      account_sid: accountSid,
      to,
      from,
      body: message.body,
      status: 'queued',
      direction: 'outbound-api',
      num_segments: '1',
      date_created: now,
      date_updated: now,
      uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
    });
  });
  app.use(sinkApi(store));

  const http = createServer(app);
  const boundPort = await listenOn(http, port, host);
  return { port: boundPort, store, stop: () => closeServer(http) };
}

function hasBasicCredentials(header: string | undefined, accountSid: string): boolean {
  if (!header?.startsWith('Basic ')) return false;
  const [user] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
  return user === accountSid;
}

function twilioError(code: number, message: string, status: number) {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}
