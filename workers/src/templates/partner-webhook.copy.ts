import type { EmailCopyBook } from './mail-copy';

/** Mail to partners about their webhook subscriptions, in Korean and English. */
export const partnerWebhookEmailCopy: EmailCopyBook<'webhook-disabled'> = {
  ko: {
    'webhook-disabled': (job) => ({
      subject: '[Shop] 웹훅 구독이 중지되었습니다',
      greeting: `${job.name}님, 안녕하세요.`,
      lines: [
        `웹훅 구독(${job.url})으로의 전송이 계속 실패하여 구독을 중지했습니다.`,
        `사유: ${job.reason}`,
        '수신 서버를 확인하신 뒤 파트너 설정에서 구독을 다시 켜 주세요.',
      ],
      closing: '감사합니다. Shop 드림',
    }),
  },
  en: {
    'webhook-disabled': (job) => ({
      subject: '[Shop] Your webhook subscription was disabled',
      greeting: `Hi ${job.name},`,
      lines: [
        `We stopped sending to your webhook subscription (${job.url}).`,
        `Reason: ${job.reason}`,
        'Once your endpoint works again, enable the subscription in your partner settings.',
      ],
      closing: 'Thank you, the Shop team',
    }),
  },
};
