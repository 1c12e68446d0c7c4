import { carrierSignature, verifyCarrierRequest } from './carrier-signature';

const secret = 'a'.repeat(64);
const body = Buffer.from('{"eventId":"e1"}');
const now = new Date('2026-11-23T12:00:00.000Z');
const ts = String(now.getTime() / 1000);

describe('the carrier webhook signature', () => {
  it('accepts the HMAC of timestamp.body within five minutes', () => {
    const signature = carrierSignature(secret, ts, body);
    expect(verifyCarrierRequest(secret, { timestamp: ts, signature }, body, now)).toEqual({
      ok: true,
    });
    const old = String(Number(ts) - 299);
    const signed = carrierSignature(secret, old, body);
    expect(verifyCarrierRequest(secret, { timestamp: old, signature: signed }, body, now).ok).toBe(
      true,
    );
  });

  it('refuses a forged or missing signature with 401, a changed body too', () => {
    const signature = carrierSignature('b'.repeat(64), ts, body);
    expect(verifyCarrierRequest(secret, { timestamp: ts, signature }, body, now)).toMatchObject({
      status: 401,
    });
    expect(
      verifyCarrierRequest(secret, { timestamp: ts, signature: undefined }, body, now),
    ).toMatchObject({ status: 401 });
    const good = carrierSignature(secret, ts, body);
    const changed = Buffer.from('{"eventId":"e2"}');
    expect(
      verifyCarrierRequest(secret, { timestamp: ts, signature: good }, changed, now),
    ).toMatchObject({ status: 401 });
  });

  it('refuses a correctly signed timestamp older than 300 s, or malformed, with 400', () => {
    for (const timestamp of [String(Number(ts) - 301), 'yesterday', String(Number(ts) + 400)]) {
      const signature = carrierSignature(secret, timestamp, body);
      expect(verifyCarrierRequest(secret, { timestamp, signature }, body, now)).toMatchObject({
        status: 400,
      });
    }
  });
});
