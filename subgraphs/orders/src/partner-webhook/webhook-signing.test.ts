import { Webhook } from 'standardwebhooks';
import { SecretBox, newWebhookSecret, signWebhook, webhookHeaders } from './webhook-signing';

describe('Standard Webhooks signing', () => {
  const body = JSON.stringify({ type: 'order.paid', data: { orderId: 'x', sequence: 1 } });

  it('makes whsec_ secrets of 24 random bytes', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(24);
    expect(newWebhookSecret()).not.toBe(secret);
  });

  it('signs what the standardwebhooks package verifies', () => {
    const secret = newWebhookSecret();
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = webhookHeaders([secret], 'msg_1', timestamp, body);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(headers['webhook-signature']).toBe(
      // the package signs with one secret the same way
      new Webhook(secret).sign('msg_1', new Date(timestamp * 1000), body),
    );
  });

  it('the package refuses another secret, another body, another id', () => {
    const secret = newWebhookSecret();
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = webhookHeaders([secret], 'msg_1', timestamp, body);
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(secret).verify(`${body} `, headers)).toThrow();
    expect(() => new Webhook(secret).verify(body, { ...headers, 'webhook-id': 'msg_2' })).toThrow();
  });

  it('during a rotation both secrets sign, and each verifies on its own', () => {
    const [old, fresh] = [newWebhookSecret(), newWebhookSecret()];
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = webhookHeaders([old, fresh], 'msg_9', timestamp, body);
    expect(String(headers['webhook-signature']).split(' ')).toEqual([
      signWebhook(old, 'msg_9', timestamp, body),
      signWebhook(fresh, 'msg_9', timestamp, body),
    ]);
    expect(new Webhook(old).verify(body, headers)).toBeDefined();
    expect(new Webhook(fresh).verify(body, headers)).toBeDefined();
  });

  it('seals secrets so that only the same key opens them', () => {
    const box = new SecretBox('key-one');
    const secret = newWebhookSecret();
    const sealed = box.seal(secret);
    expect(sealed).not.toContain(secret.slice(6));
    expect(box.open(sealed)).toBe(secret);
    expect(() => new SecretBox('key-two').open(sealed)).toThrow();
  });
});
