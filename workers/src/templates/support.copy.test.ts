import { emailJobSchema, smsJobSchema } from '@shop/jobs';
import { renderEmail, renderSms } from './notification-templates';

const base = { eventId: 'e1', to: 'agent@example.com', name: '김상담' };
const inquiry = { inquiryNumber: 'CS-20261123-000042', subject: '환불 <언제> 되나요?' };

describe('support notification templates', () => {
  it('tells the agent about an assignment with its deadline in Korean time', () => {
    const mail = renderEmail(
      emailJobSchema.parse({
        ...base,
        ...inquiry,
        template: 'support-agent-assigned',
        priority: 'HIGH',
        team: 'ORDERS',
        firstResponseDueAt: '2026-11-23T01:00:00.000Z',
      }),
    );
    expect(mail.subject).toBe('[Shop 상담] 새 문의 배정: CS-20261123-000042');
    expect(mail.text).toContain('주문팀, 우선순위 높음');
    expect(mail.text).toContain('첫 응답 기한: 2026-11-23 10:00 KST');
    expect(mail.html).toContain('환불 &#60;언제&#62; 되나요?');
  });

  it('sends the customer the reply, or the request for information, with a link', () => {
    const job = {
      ...base,
      ...inquiry,
      template: 'support-customer-reply',
      excerpt: '주문을 확인했습니다.',
      inquiryUrl: 'https://shop.example/support/inquiries/abc',
    };
    const reply = renderEmail(emailJobSchema.parse({ ...job, infoRequested: false }));
    expect(reply.subject).toBe('[Shop] 문의 CS-20261123-000042에 답변이 등록되었습니다');
    expect(reply.text).toContain('주문을 확인했습니다.');
    expect(reply.text).toContain('문의 보기: https://shop.example/support/inquiries/abc');
    const asked = renderEmail(emailJobSchema.parse({ ...job, infoRequested: true, locale: 'en' }));
    expect(asked.subject).toBe('[Shop] We need more information on inquiry CS-20261123-000042');
    expect(asked.text).toContain('Reply: https://shop.example/support/inquiries/abc');
  });

  it('asks for a rating through the storefront link', () => {
    const mail = renderEmail(
      emailJobSchema.parse({
        ...base,
        ...inquiry,
        template: 'support-survey',
        ratingUrl: 'https://shop.example/support/inquiries/abc/rate',
        locale: 'en',
      }),
    );
    expect(mail.subject).toBe('[Shop] How did we do on inquiry CS-20261123-000042?');
    expect(mail.html).toContain('href="https://shop.example/support/inquiries/abc/rate"');
  });

  it('reminds the assignee and escalates a breach by mail and SMS', () => {
    const reminder = renderEmail(
      emailJobSchema.parse({
        ...base,
        ...inquiry,
        template: 'support-sla-reminder',
        priority: 'URGENT',
        firstResponseDueAt: '2026-11-23T01:00:00.000Z',
        locale: 'en',
      }),
    );
    expect(reminder.text).toContain('First response due: 2026-11-23 01:00 UTC');
    const escalation = renderEmail(
      emailJobSchema.parse({
        ...base,
        ...inquiry,
        template: 'support-escalation',
        stage: 'FIRST_RESPONSE',
        priority: 'URGENT',
        team: 'CATALOG',
        dueAt: '2026-11-23T01:00:00.000Z',
      }),
    );
    expect(escalation.subject).toBe('[Shop 상담] SLA 위반 에스컬레이션: CS-20261123-000042');
    expect(escalation.text).toContain('상품팀 문의가 첫 응답 기한을 넘겼습니다');
    const sms = smsJobSchema.parse({
      eventId: 'e2',
      to: '+821012345678',
      name: '관리자',
      template: 'support-escalation',
      inquiryNumber: inquiry.inquiryNumber,
      stage: 'RESOLUTION',
      priority: 'HIGH',
    });
    expect(renderSms(sms)).toBe('[Shop 상담] CS-20261123-000042 해결 SLA 위반, 우선순위 높음');
    expect(renderSms({ ...sms, locale: 'en' })).toBe(
      '[Shop support] CS-20261123-000042 missed its resolution SLA; priority high',
    );
  });
});
