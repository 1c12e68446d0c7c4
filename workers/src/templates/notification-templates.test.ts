import { renderEmail, renderSms } from './notification-templates';

describe('notification templates', () => {
  const verification = {
    eventId: 'e1',
    to: 'minji@example.com',
    name: '김민지',
    template: 'verification' as const,
    verifyUrl: 'https://shop.example/verify-email?token=abc',
  };

  it('renders Korean by default, with the link in text and HTML', () => {
    const mail = renderEmail({ ...verification, locale: 'ko' });
    expect(mail.subject).toBe('[Shop] 이메일 주소를 인증해 주세요');
    expect(mail.text).toContain('김민지님');
    expect(mail.text).toContain(verification.verifyUrl);
    expect(mail.html).toContain('href="https://shop.example/verify-email?token=abc"');
  });

  it('renders English and escapes names in HTML', () => {
    const mail = renderEmail({
      eventId: 'e2',
      to: 'a@example.com',
      name: '<b>Bo</b>',
      template: 'welcome',
      locale: 'en',
    });
    expect(mail.subject).toBe('[Shop] Welcome aboard');
    expect(mail.text).toContain('Welcome, <b>Bo</b>!');
    expect(mail.html).toContain('&#60;b&#62;Bo&#60;/b&#62;');
    expect(mail.html).not.toContain('<b>Bo</b>');
  });

  it('renders the password reset mail and the welcome SMS', () => {
    const reset = renderEmail({
      eventId: 'e3',
      to: 'a@example.com',
      name: 'Bo',
      template: 'password-reset',
      resetUrl: 'https://shop.example/reset-password?token=t',
      locale: 'en',
    });
    expect(reset.text).toContain('https://shop.example/reset-password?token=t');
    expect(
      renderSms({
        eventId: 'e4',
        to: '+821012345678',
        name: '민지',
        template: 'welcome',
        locale: 'ko',
      }),
    ).toBe('[Shop] 민지님, 가입을 환영합니다!');
  });
});

describe('order mail templates', () => {
  const base = {
    eventId: 'e5',
    to: 'minji@example.com',
    name: '김민지',
    orderNumber: '20261123-000042',
    total: { amount: 23_000, currency: 'KRW' },
  };

  it('confirms a paid order with its lines and totals, in Korean', () => {
    const mail = renderEmail({
      ...base,
      locale: 'ko',
      template: 'order-confirmation',
      paymentMethod: 'BALANCE',
      lines: [{ name: '무선 헤드폰', quantity: 2, lineTotal: { amount: 20_000, currency: 'KRW' } }],
      shippingFee: { amount: 3_000, currency: 'KRW' },
    });
    expect(mail.subject).toBe('[Shop] 주문 20261123-000042 결제가 완료되었습니다');
    expect(mail.text).toContain('무선 헤드폰 × 2: 20,000원');
    expect(mail.text).toContain('결제 금액: 23,000원 (잔액)');
  });

  it('says why a payment failed and why an order was cancelled, in English', () => {
    const failed = renderEmail({
      ...base,
      locale: 'en',
      template: 'payment-failed',
      failureCode: 'INSUFFICIENT_BALANCE',
      failureMessage: 'Balance 1000 does not cover 23000',
    });
    expect(failed.subject).toBe('[Shop] The payment of order 20261123-000042 failed');
    expect(failed.text).toContain('Your balance does not cover the order.');
    const timedOut = renderEmail({
      ...base,
      locale: 'en',
      template: 'order-cancelled',
      cause: 'PAYMENT_TIMEOUT',
      reason: 'PAYMENT_TIMEOUT',
    });
    expect(timedOut.text).toContain('The payment window closed before the order was paid.');
    expect(timedOut.text).not.toContain('refunded');
    const refunded = renderEmail({
      ...base,
      locale: 'ko',
      template: 'order-cancelled',
      cause: 'PAYMENT_TIMEOUT',
      reason: 'PAYMENT_TIMEOUT',
      refunded: { amount: 23_000, currency: 'KRW' },
    });
    expect(refunded.text).toContain('결제하신 23,000원은 환불되었습니다.');
    const byBuyer = renderEmail({
      ...base,
      locale: 'ko',
      template: 'order-cancelled',
      cause: 'BUYER',
      reason: '<b>마음이 바뀜</b>',
    });
    expect(byBuyer.text).toContain(
      '고객님의 요청으로 주문이 취소되었습니다. 사유: <b>마음이 바뀜</b>',
    );
    expect(byBuyer.html).not.toContain('<b>마음이 바뀜</b>');
  });
});
