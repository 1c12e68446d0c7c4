import { createServer } from 'node:http';
import express from 'express';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { closeServer, listenOn } from './listen';
import { MessageStore } from './message-store';
import { sinkApi } from './sink-api';

export interface CapturedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
}

export interface MailSinkOptions {
  smtpPort: number;
  httpPort: number;
  host?: string;
}

/**
 * A development SMTP server that accepts every message and records it, with an HTTP API:
 * `GET /api/messages` (newest first), `DELETE /api/messages`, and `POST /api/failures`
 * `{ "count": n }` to answer the next n deliveries with a temporary 451 failure, so tests can
 * exercise retries the way a flaky provider would.
 */
export async function startMailSink({ smtpPort, httpPort, host = '127.0.0.1' }: MailSinkOptions) {
  const store = new MessageStore<CapturedMail>();

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'sink' }),
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          if (store.takeFailure()) {
            const error = Object.assign(new Error('Temporary failure injected by the sink'), {
              responseCode: 451,
            });
            return callback(error);
          }
          store.add({
            to: addresses(mail.to),
            from: addresses(mail.from)[0] ?? '',
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });

  const app = express();
  app.use(sinkApi(store));
  const http = createServer(app);

  const boundSmtp = await listenOn(smtp.server, smtpPort, host);
  const boundHttp = await listenOn(http, httpPort, host);
  return {
    smtpPort: boundSmtp,
    httpPort: boundHttp,
    store,
    async stop() {
      await Promise.all([closeServer(smtp), closeServer(http)]);
    },
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list
    .flatMap((entry) => entry.value.map((address) => address.address ?? ''))
    .filter(Boolean);
}
