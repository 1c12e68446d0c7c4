import { estimateDelivery, isBusinessDay } from './delivery-estimate';
import { KOREAN_PUBLIC_HOLIDAYS } from './korean-holidays';

/** 18:00 KST of a KST date, as the instant the estimate returns. */
const evening = (day: string) => new Date(`${day}T09:00:00.000Z`);
/** A time of a KST day. */
const kst = (day: string, hour = 10) =>
  new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+09:00`);

describe('estimated delivery in Korean business days', () => {
  it('counts the next working day for a one-day carrier on an ordinary Tuesday', () => {
    expect(estimateDelivery(kst('2026-11-24'), 'CJ')).toEqual(evening('2026-11-25'));
  });

  it('skips the weekend: Friday plus one business day is Monday', () => {
    expect(estimateDelivery(kst('2026-11-27'), 'CJ')).toEqual(evening('2026-11-30'));
    expect(estimateDelivery(kst('2026-11-27'), 'LOGEN')).toEqual(evening('2026-12-02'));
  });

  it('skips Chuseok 2026 and the weekend after it', () => {
    // Wed 23 Sep + 2: 24–26 Chuseok, 27 Sunday → Mon 28, Tue 29.
    expect(estimateDelivery(kst('2026-09-23'), 'HANJIN')).toEqual(evening('2026-09-29'));
  });

  it('skips substitute holidays: Seollal 2027 on a Sunday gives Tuesday 9 February off', () => {
    // Fri 5 Feb + 1: 6–9 closed (weekend, Seollal, substitute) → Wed 10.
    expect(estimateDelivery(kst('2027-02-05'), 'CJ')).toEqual(evening('2027-02-10'));
  });

  it('uses the Korean calendar day: 23:30 KST on Monday is Monday, not Tuesday', () => {
    const lateMonday = new Date('2026-11-23T14:30:00.000Z'); // 23:30 KST Monday
    expect(estimateDelivery(lateMonday, 'CJ')).toEqual(evening('2026-11-24'));
    const earlyTuesday = new Date('2026-11-23T15:30:00.000Z'); // 00:30 KST Tuesday
    expect(estimateDelivery(earlyTuesday, 'CJ')).toEqual(evening('2026-11-25'));
  });

  it('counts from the next working day when shipped on a holiday', () => {
    expect(estimateDelivery(kst('2026-12-25'), 'POST')).toEqual(evening('2026-12-29'));
  });

  it('knows every holiday of the table as a day off, and the years end to end', () => {
    for (const day of KOREAN_PUBLIC_HOLIDAYS) {
      expect(isBusinessDay(new Date(`${day}T00:00:00.000Z`))).toBe(false);
    }
    expect(KOREAN_PUBLIC_HOLIDAYS.filter((d) => d.startsWith('2026'))).toHaveLength(20);
    expect(KOREAN_PUBLIC_HOLIDAYS.filter((d) => d.startsWith('2027'))).toHaveLength(20);
    expect(isBusinessDay(new Date('2026-11-23T00:00:00.000Z'))).toBe(true);
  });
});
