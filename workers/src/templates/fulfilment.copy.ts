import type { EmailCopyBook, SmsCopyBook } from './mail-copy';

type Money = { amount: number; currency: string };

function won(money: Money, locale: 'ko' | 'en'): string {
  const digits = new Intl.NumberFormat('en-US').format(money.amount);
  if (money.currency === 'KRW') return locale === 'ko' ? `${digits}원` : `KRW ${digits}`;
  return `${money.currency} ${digits}`;
}

const CARRIER_NAMES: Record<string, { ko: string; en: string }> = {
  CJ: { ko: 'CJ대한통운', en: 'CJ Logistics' },
  HANJIN: { ko: '한진택배', en: 'Hanjin' },
  LOTTE: { ko: '롯데택배', en: 'Lotte Global Logistics' },
  POST: { ko: '우체국택배', en: 'Korea Post' },
  LOGEN: { ko: '로젠택배', en: 'Logen' },
};

/** The Korean calendar date of an instant: 11월 25일 (수) / Wed, Nov 25. */
function kstDate(iso: string, locale: 'ko' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-US', {
    timeZone: 'Asia/Seoul',
    month: locale === 'ko' ? 'long' : 'short',
    day: 'numeric',
    weekday: 'short',
  }).format(new Date(iso));
}

const carrierName = (carrier: string, locale: 'ko' | 'en') =>
  CARRIER_NAMES[carrier]?.[locale] ?? carrier;

/** Mail after the sale, in Korean and English. */
export const fulfilmentEmailCopy: EmailCopyBook<
  'order-partially-cancelled' | 'review-request' | 'purchase-confirmation-reminder'
> = {
  ko: {
    'order-partially-cancelled': (job) => ({
      subject: `[Shop] 주문 ${job.orderNumber}의 일부가 취소되었습니다`,
      greeting: `${job.name}님, 안녕하세요.`,
      lines: [
        ...job.lines.map((line) => `취소: ${line.name} × ${line.quantity}`),
        `사유: ${job.reason}`,
        `환불 금액: ${won(job.refunded, 'ko')} (결제하신 수단으로 환불됩니다)`,
      ],
      closing: '나머지 상품은 그대로 배송됩니다. Shop 드림',
    }),
    'review-request': (job) => ({
      subject: `[Shop] 주문 ${job.orderNumber} 상품은 마음에 드셨나요?`,
      greeting: `${job.name}님, 주문하신 상품이 배송 완료되었습니다.`,
      lines: [
        `${job.products.join(', ')}`,
        '상품을 받으셨다면 구매를 확정하고 후기를 남겨 주세요.',
      ],
      action: { label: '후기 쓰기', url: job.reviewUrl },
      closing: '감사합니다. Shop 드림',
    }),
    'purchase-confirmation-reminder': (job) => ({
      subject: `[Shop] 주문 ${job.orderNumber}의 구매를 확정해 주세요`,
      greeting: `${job.name}님, 상품은 잘 받으셨나요?`,
      lines: [
        `${job.products.join(', ')}`,
        '구매 확정 후 후기를 남겨 주시면 다른 고객에게 큰 도움이 됩니다.',
      ],
      action: { label: '구매 확정하고 후기 쓰기', url: job.reviewUrl },
      closing: '감사합니다. Shop 드림',
    }),
  },
  en: {
    'order-partially-cancelled': (job) => ({
      subject: `[Shop] Part of order ${job.orderNumber} was cancelled`,
      greeting: `Hi ${job.name},`,
      lines: [
        ...job.lines.map((line) => `Cancelled: ${line.name} × ${line.quantity}`),
        `Reason: ${job.reason}`,
        `Refund: ${won(job.refunded, 'en')}, to the way you paid`,
      ],
      closing: 'The rest of your order ships as planned. The Shop team',
    }),
    'review-request': (job) => ({
      subject: `[Shop] How was order ${job.orderNumber}?`,
      greeting: `Hi ${job.name}, your order was delivered.`,
      lines: [
        `${job.products.join(', ')}`,
        'Once you have it, please confirm the purchase and tell others what you think.',
      ],
      action: { label: 'Write a review', url: job.reviewUrl },
      closing: 'Thank you, the Shop team',
    }),
    'purchase-confirmation-reminder': (job) => ({
      subject: `[Shop] Please confirm your purchase of order ${job.orderNumber}`,
      greeting: `Hi ${job.name}, did everything arrive?`,
      lines: [`${job.products.join(', ')}`, 'Confirm the purchase and help others with a review.'],
      action: { label: 'Confirm and review', url: job.reviewUrl },
      closing: 'Thank you, the Shop team',
    }),
  },
};

/** Text messages after the sale, in Korean and English. */
export const fulfilmentSmsCopy: SmsCopyBook<'order-shipped'> = {
  ko: {
    'order-shipped': (job) =>
      `[Shop] 주문 ${job.orderNumber} 상품이 출발했습니다. ${carrierName(job.carrier, 'ko')} ${job.trackingNumber}, ${kstDate(job.estimatedDeliveryAt, 'ko')} 도착 예정. 배송 조회: ${job.trackingUrl}`,
  },
  en: {
    'order-shipped': (job) =>
      `[Shop] Order ${job.orderNumber} has shipped: ${carrierName(job.carrier, 'en')} ${job.trackingNumber}, expected ${kstDate(job.estimatedDeliveryAt, 'en')}. Track: ${job.trackingUrl}`,
  },
};
