import { createConnection } from 'node:net';
import { startMailSink } from '../src/sinks/mail-sink';
import { startSmsSink } from '../src/sinks/sms-sink';

/** Speaks just enough SMTP to deliver one message, so the sink is tested over the wire. */
async function sendSmtp(port: number, lines: string[]): Promise<string[]> {
  const socket = createConnection(port, '127.0.0.1');
  const replies: string[] = [];
  let buffer = '';
  const nextReply = () =>
    new Promise<string>((resolve) => {
      const onData = (chunk: Buffer) => {
        buffer += chunk.toString();
        const match = /^(\d{3}) .*\r\n/m.exec(buffer);
        if (match) {
          socket.off('data', onData);
          buffer = '';
          resolve(match[1] ?? '');
        }
      };
      socket.on('data', onData);
    });
  replies.push(await nextReply());
  for (const line of lines) {
    socket.write(`${line}\r\n`);
    replies.push(await nextReply());
  }
  socket.end();
  return replies;
}

describe('mail sink', () => {
  it('records a message delivered over SMTP and serves it over HTTP', async () => {
    const sink = await startMailSink({ smtpPort: 0, httpPort: 0 });
    try {
      const replies = await sendSmtp(sink.smtpPort, [
        'EHLO test',
        'MAIL FROM:<shop@demo.shop>',
        'RCPT TO:<kim@example.com>',
        'DATA',
        'From: Shop <shop@demo.shop>\r\nTo: kim@example.com\r\nSubject: =?UTF-8?B?7ZmY7JiB7ZWp64uI64uk?=\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello\r\n.',
        'QUIT',
      ]);
      expect(replies).toEqual(['220', '250', '250', '250', '354', '250', '221']);
      const messages = (await (
        await fetch(`http://127.0.0.1:${sink.httpPort}/api/messages`)
      ).json()) as object[];
      expect(messages).toEqual([
        expect.objectContaining({
          to: ['kim@example.com'],
          from: 'shop@demo.shop',
          subject: '환영합니다',
          text: 'Hello\n',
        }),
      ]);
      expect(
        (await fetch(`http://127.0.0.1:${sink.httpPort}/api/messages`, { method: 'DELETE' }))
          .status,
      ).toBe(204);
      expect(await (await fetch(`http://127.0.0.1:${sink.httpPort}/api/messages`)).json()).toEqual(
        [],
      );
    } finally {
      await sink.stop();
    }
  });

  it('answers injected failures with a temporary SMTP error', async () => {
    const sink = await startMailSink({ smtpPort: 0, httpPort: 0 });
    try {
      await fetch(`http://127.0.0.1:${sink.httpPort}/api/failures`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ count: 1 }),
      });
      const message = [
        'EHLO t',
        'MAIL FROM:<a@b.c>',
        'RCPT TO:<d@e.f>',
        'DATA',
        'Subject: x\r\n\r\nbody\r\n.',
      ];
      expect((await sendSmtp(sink.smtpPort, message)).at(-1)).toBe('451');
      expect((await sendSmtp(sink.smtpPort, message)).at(-1)).toBe('250');
      expect(sink.store.list()).toHaveLength(1);
    } finally {
      await sink.stop();
    }
  });
});

describe('SMS sink', () => {
  const send = (port: number, form: Record<string, string>, auth = 'AC123:token') =>
    fetch(`http://127.0.0.1:${port}/2010-04-01/Accounts/AC123/Messages.json`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(auth).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams(form),
    });

  it('accepts Twilio message requests and lists them', async () => {
    const sink = await startSmsSink({ port: 0 });
    try {
      const response = await send(sink.port, {
        To: '+821012345678',
        From: '+15005550006',
        Body: '인증번호 123456',
      });
      expect(response.status).toBe(201);
      expect(await response.json()).toMatchObject({
        sid: expect.stringMatching(/^SM[0-9a-f]{32}$/),
        status: 'queued',
      });
      const messages = await (await fetch(`http://127.0.0.1:${sink.port}/api/messages`)).json();
      expect(messages).toEqual([
        expect.objectContaining({
          to: '+821012345678',
          from: '+15005550006',
          body: '인증번호 123456',
        }),
      ]);
    } finally {
      await sink.stop();
    }
  });

  it('answers like Twilio for bad numbers and missing credentials', async () => {
    const sink = await startSmsSink({ port: 0 });
    try {
      const invalid = await send(sink.port, { To: '010-1234', From: '+15005550006', Body: 'x' });
      expect(invalid.status).toBe(400);
      expect(await invalid.json()).toMatchObject({ code: 21211 });
      expect(
        (await send(sink.port, { To: '+821012345678', Body: 'x' }, 'ACother:token')).status,
      ).toBe(401);
      expect(sink.store.list()).toEqual([]);
    } finally {
      await sink.stop();
    }
  });
});
