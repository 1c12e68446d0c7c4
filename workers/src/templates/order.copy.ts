import type { EmailJob } from '@shop/jobs';
import type { EmailCopyBook } from './mail-copy';

type Money = { amount: number; currency: string };
type Cancelled = Extract<EmailJob, { template: 'order-cancelled' }>;
type Failed = Extract<EmailJob, { template: 'payment-failed' }>;

/** 15,000원 / KRW 15,000: amounts are whole units of a currency without minor units (KRW). */
function won(money: Money, locale: 'ko' | 'en'): string {
  const digits = new Intl.NumberFormat('en-US').format(money.amount);
  if (money.currency === 'KRW') return locale === 'ko' ? `${digits}원` : `KRW ${digits}`;
  return `${money.currency} ${digits}`;
}

/** Reasons we can say in the customer's language; anything else is the provider's own words. */
const FAILURE_REASONS: Record<string, { ko: string; en: string }> = {
  INSUFFICIENT_BALANCE: {
    ko: '잔액이 결제 금액보다 부족합니다.',
    en: 'Your balance does not cover the order.',
  },
  REJECT_CARD_PAYMENT: {
    ko: '카드사에서 결제를 거절했습니다.',
    en: 'The card issuer declined the payment.',
  },
  NOT_ENOUGH_BALANCE: {
    ko: '카드 잔액 또는 한도가 부족합니다.',
    en: 'The card has too little balance or limit left.',
  },
};

function failureReason(job: Failed, locale: 'ko' | 'en'): string {
  return FAILURE_REASONS[job.failureCode]?.[locale] ?? (job.failureMessage || job.failureCode);
}

function cancelReason(job: Cancelled, locale: 'ko' | 'en'): string {
  if (job.cause === 'PAYMENT_TIMEOUT') {
    return locale === 'ko'
      ? '결제 기한이 지나 주문이 자동으로 취소되었습니다.'
      : 'The payment window closed before the order was paid.';
  }
  const who =
    job.cause === 'BUYER'
      ? { ko: '고객님의 요청으로', en: 'At your request' }
      : { ko: '고객센터에서', en: 'Our customer service' };
  return locale === 'ko'
    ? `${who.ko} 주문이 취소되었습니다. 사유: ${job.reason}`
    : `${who.en}, the order was cancelled. Reason: ${job.reason}`;
}

/** Mail about orders, in Korean and English. */
export const orderEmailCopy: EmailCopyBook<
  'order-confirmation' | 'payment-failed' | 'order-cancelled'
> = {
  ko: {
    'order-confirmation': (job) => ({
      subject: `[Shop] 주문 ${job.orderNumber} 결제가 완료되었습니다`,
      greeting: `${job.name}님, 주문해 주셔서 감사합니다.`,
      lines: [
        ...job.lines.map((line) => `${line.name} × ${line.quantity}: ${won(line.lineTotal, 'ko')}`),
        `배송비: ${won(job.shippingFee, 'ko')}`,
        `결제 금액: ${won(job.total, 'ko')} (${job.paymentMethod === 'CARD' ? '카드' : '잔액'})`,
      ],
      closing: '상품이 출발하면 다시 알려 드리겠습니다. Shop 드림',
    }),
    'payment-failed': (job) => ({
      subject: `[Shop] 주문 ${job.orderNumber} 결제에 실패했습니다`,
      greeting: `${job.name}님, 결제가 완료되지 않았습니다.`,
      lines: [
        failureReason(job, 'ko'),
        `주문 금액: ${won(job.total, 'ko')}`,
        '예약된 상품은 다시 판매됩니다. 다시 주문해 주세요.',
      ],
      closing: '감사합니다. Shop 드림',
    }),
    'order-cancelled': (job) => ({
      subject: `[Shop] 주문 ${job.orderNumber}이(가) 취소되었습니다`,
      greeting: `${job.name}님, 안녕하세요.`,
      lines: [
        cancelReason(job, 'ko'),
        `주문 금액: ${won(job.total, 'ko')}`,
        ...(job.refunded ? [`결제하신 ${won(job.refunded, 'ko')}은 환불되었습니다.`] : []),
      ],
      closing: '감사합니다. Shop 드림',
    }),
  },
  en: {
    'order-confirmation': (job) => ({
      subject: `[Shop] Order ${job.orderNumber} is paid`,
      greeting: `Hi ${job.name}, thank you for your order.`,
      lines: [
        ...job.lines.map((line) => `${line.name} × ${line.quantity}: ${won(line.lineTotal, 'en')}`),
        `Shipping: ${won(job.shippingFee, 'en')}`,
        `Paid: ${won(job.total, 'en')} (${job.paymentMethod === 'CARD' ? 'card' : 'balance'})`,
      ],
      closing: 'We will write again when your parcel leaves. The Shop team',
    }),
    'payment-failed': (job) => ({
      subject: `[Shop] The payment of order ${job.orderNumber} failed`,
      greeting: `Hi ${job.name}, your payment did not go through.`,
      lines: [
        failureReason(job, 'en'),
        `Order total: ${won(job.total, 'en')}`,
        'The items we held for you are back on sale; please order again.',
      ],
      closing: 'Thank you, the Shop team',
    }),
    'order-cancelled': (job) => ({
      subject: `[Shop] Order ${job.orderNumber} was cancelled`,
      greeting: `Hi ${job.name},`,
      lines: [
        cancelReason(job, 'en'),
        `Order total: ${won(job.total, 'en')}`,
        ...(job.refunded ? [`We refunded the ${won(job.refunded, 'en')} you paid.`] : []),
      ],
      closing: 'Thank you, the Shop team',
    }),
  },
};
