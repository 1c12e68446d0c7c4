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
