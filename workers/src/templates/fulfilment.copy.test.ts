import { renderEmail, renderSms } from './notification-templates';

const base = { eventId: 'evt-1', name: '김민지' };

describe('fulfilment copy', () => {
  it('texts the tracking link and the Korean delivery date, in Korean and English', () => {
    const job = {
      ...base,
      to: '+821012345678',
      template: 'order-shipped' as const,
      orderNumber: '20261123-000042',
      carrier: 'CJ',
      trackingNumber: '123456789012',
      trackingUrl: 'http://127.0.0.1:8028/tracking/123456789012',
      // 09:00 UTC on Tuesday 24 November is 18:00 KST the same day.
      estimatedDeliveryAt: '2026-11-24T09:00:00.000Z',
    };
    const ko = renderSms({ ...job, locale: 'ko' });
    expect(ko).toContain('CJ대한통운 123456789012');
    expect(ko).toContain('11월 24일');
    expect(ko).toContain(job.trackingUrl);
    const en = renderSms({ ...job, locale: 'en' });
    expect(en).toContain('Nov 24');
    expect(en).toContain(`Track: ${job.trackingUrl}`);
  });

  it('mails the refund of a partial cancellation and the review link', () => {
    const cancelled = renderEmail({
      ...base,
      locale: 'ko',
      to: 'minji@example.test',
      template: 'order-partially-cancelled',
      orderNumber: '20261123-000042',
      lines: [{ name: '텀블러', quantity: 2 }],
      refunded: { amount: 12_600, currency: 'KRW' },
      reason: '중복 주문',
    });
    expect(cancelled.text).toContain('환불 금액: 12,600원');
    const review = renderEmail({
      ...base,
      locale: 'en',
      to: 'minji@example.test',
      template: 'review-request',
      orderNumber: '20261123-000042',
      products: ['Tumbler'],
      reviewUrl: 'http://localhost:3000/orders/abc/review',
    });
    expect(review.text).toContain('Write a review: http://localhost:3000/orders/abc/review');
  });

  it('reminds the buyer to confirm the purchase, with the review link', () => {
    const reminder = renderEmail({
      ...base,
      locale: 'ko',
      to: 'minji@example.test',
      template: 'purchase-confirmation-reminder',
      orderNumber: '20261123-000042',
      products: ['텀블러'],
      reviewUrl: 'http://localhost:3000/orders/abc/review',
    });
    expect(reminder.subject).toContain('구매를 확정해 주세요');
    expect(reminder.html).toContain('href="http://localhost:3000/orders/abc/review"');
  });
});
