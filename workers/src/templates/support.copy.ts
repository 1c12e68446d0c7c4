import type { Locale } from '@shop/jobs';
import type { EmailCopyBook, SmsCopyBook } from './mail-copy';

type SupportEmail =
  | 'support-agent-assigned'
  | 'support-customer-reply'
  | 'support-survey'
  | 'support-sla-reminder'
  | 'support-escalation';

const PRIORITY = {
  ko: { LOW: '낮음', NORMAL: '보통', HIGH: '높음', URGENT: '긴급' },
  en: { LOW: 'low', NORMAL: 'normal', HIGH: 'high', URGENT: 'urgent' },
} as const;
const TEAM = {
  ko: { ORDERS: '주문팀', CATALOG: '상품팀', ACCOUNTS: '계정팀' },
  en: { ORDERS: 'Orders', CATALOG: 'Catalog', ACCOUNTS: 'Accounts' },
} as const;
const STAGE = {
  ko: { FIRST_RESPONSE: '첫 응답', RESOLUTION: '해결' },
  en: { FIRST_RESPONSE: 'first response', RESOLUTION: 'resolution' },
} as const;

const KST_OFFSET_MS = 9 * 3_600_000;

/**
 * Deadlines as `2026-11-23 10:00 KST` for Korean readers and `2026-11-23 01:00 UTC` otherwise;
 * written out by hand, since the ICU data of a Node build may lack Korean day-period names.
 */
function at(iso: string, locale: Locale): string {
  const offset = locale === 'ko' ? KST_OFFSET_MS : 0;
  const shown = new Date(new Date(iso).getTime() + offset).toISOString();
  return `${shown.slice(0, 10)} ${shown.slice(11, 16)} ${locale === 'ko' ? 'KST' : 'UTC'}`;
}

/** Mail of the support desk, in Korean and English. */
export const supportEmailCopy: EmailCopyBook<SupportEmail> = {
  ko: {
    'support-agent-assigned': (job) => ({
      subject: `[Shop 상담] 새 문의 배정: ${job.inquiryNumber}`,
      greeting: `${job.name}님, 새 문의가 배정되었습니다.`,
      lines: [
        `문의 ${job.inquiryNumber} (${TEAM.ko[job.team]}, 우선순위 ${PRIORITY.ko[job.priority]}): ${job.subject}`,
        `첫 응답 기한: ${at(job.firstResponseDueAt, 'ko')}`,
      ],
      closing: 'Shop 고객센터',
    }),
    'support-customer-reply': (job) => ({
      subject: job.infoRequested
        ? `[Shop] 문의 ${job.inquiryNumber}에 추가 정보가 필요합니다`
        : `[Shop] 문의 ${job.inquiryNumber}에 답변이 등록되었습니다`,
      greeting: `${job.name}님, 안녕하세요.`,
      lines: [
        `문의하신 "${job.subject}"에 상담원이 ${job.infoRequested ? '추가 정보를 요청했습니다' : '답변했습니다'}.`,
        job.excerpt,
      ],
      action: {
        label: job.infoRequested ? '답변 보내기' : '문의 보기',
        url: job.inquiryUrl,
      },
      closing: 'Shop 고객센터 드림',
    }),
    'support-survey': (job) => ({
      subject: `[Shop] 문의 ${job.inquiryNumber} 상담은 만족스러우셨나요?`,
      greeting: `${job.name}님, 문의가 해결되었습니다.`,
      lines: [
        `"${job.subject}" 상담에 대해 1~5점으로 평가해 주세요. 더 나은 서비스에 반영하겠습니다.`,
      ],
      action: { label: '만족도 평가하기', url: job.ratingUrl },
      closing: 'Shop 고객센터 드림',
    }),
    'support-sla-reminder': (job) => ({
      subject: `[Shop 상담] 첫 응답 기한 임박: ${job.inquiryNumber}`,
      greeting: `${job.name}님, 아직 답변하지 않은 문의가 있습니다.`,
      lines: [
        `문의 ${job.inquiryNumber} (우선순위 ${PRIORITY.ko[job.priority]}): ${job.subject}`,
        `첫 응답 기한: ${at(job.firstResponseDueAt, 'ko')}`,
      ],
      closing: 'Shop 고객센터',
    }),
    'support-escalation': (job) => ({
      subject: `[Shop 상담] SLA 위반 에스컬레이션: ${job.inquiryNumber}`,
      greeting: `${job.name}님, ${TEAM.ko[job.team]} 문의가 ${STAGE.ko[job.stage]} 기한을 넘겼습니다.`,
      lines: [
        `문의 ${job.inquiryNumber}: ${job.subject}`,
        `기한: ${at(job.dueAt, 'ko')} · 우선순위가 ${PRIORITY.ko[job.priority]}(으)로 올라갔습니다.`,
      ],
      closing: 'Shop 고객센터',
    }),
  },
  en: {
    'support-agent-assigned': (job) => ({
      subject: `[Shop support] New inquiry assigned: ${job.inquiryNumber}`,
      greeting: `Hi ${job.name}, an inquiry was assigned to you.`,
      lines: [
        `Inquiry ${job.inquiryNumber} (${TEAM.en[job.team]}, ${PRIORITY.en[job.priority]} priority): ${job.subject}`,
        `First response due: ${at(job.firstResponseDueAt, 'en')}`,
      ],
      closing: 'Shop customer service',
    }),
    'support-customer-reply': (job) => ({
      subject: job.infoRequested
        ? `[Shop] We need more information on inquiry ${job.inquiryNumber}`
        : `[Shop] New answer to your inquiry ${job.inquiryNumber}`,
      greeting: `Hi ${job.name},`,
      lines: [
        `An agent ${job.infoRequested ? 'asked for more information on' : 'answered'} your inquiry "${job.subject}".`,
        job.excerpt,
      ],
      action: { label: job.infoRequested ? 'Reply' : 'View inquiry', url: job.inquiryUrl },
      closing: 'The Shop customer service',
    }),
    'support-survey': (job) => ({
      subject: `[Shop] How did we do on inquiry ${job.inquiryNumber}?`,
      greeting: `Hi ${job.name}, your inquiry is resolved.`,
      lines: [`Please rate the help you got with "${job.subject}" from 1 to 5.`],
      action: { label: 'Rate our help', url: job.ratingUrl },
      closing: 'The Shop customer service',
    }),
    'support-sla-reminder': (job) => ({
      subject: `[Shop support] First response due soon: ${job.inquiryNumber}`,
      greeting: `Hi ${job.name}, an inquiry of yours has no answer yet.`,
      lines: [
        `Inquiry ${job.inquiryNumber} (${PRIORITY.en[job.priority]} priority): ${job.subject}`,
        `First response due: ${at(job.firstResponseDueAt, 'en')}`,
      ],
      closing: 'Shop customer service',
    }),
    'support-escalation': (job) => ({
      subject: `[Shop support] SLA breached, escalated: ${job.inquiryNumber}`,
      greeting: `Hi ${job.name}, a ${TEAM.en[job.team]} inquiry missed its ${STAGE.en[job.stage]} deadline.`,
      lines: [
        `Inquiry ${job.inquiryNumber}: ${job.subject}`,
        `Due ${at(job.dueAt, 'en')}; its priority is now ${PRIORITY.en[job.priority]}.`,
      ],
      closing: 'Shop customer service',
    }),
  },
};

/** Text messages of the support desk. */
export const supportSmsCopy: SmsCopyBook<'support-escalation'> = {
  ko: {
    'support-escalation': (job) =>
      `[Shop 상담] ${job.inquiryNumber} ${STAGE.ko[job.stage]} SLA 위반, 우선순위 ${PRIORITY.ko[job.priority]}`,
  },
  en: {
    'support-escalation': (job) =>
      `[Shop support] ${job.inquiryNumber} missed its ${STAGE.en[job.stage]} SLA; priority ${PRIORITY.en[job.priority]}`,
  },
};
