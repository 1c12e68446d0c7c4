import type { Connection } from 'mongoose';
import { connectMongo, syncAllIndexes } from '@shop/mongo';
import { uniqueName } from '@shop/testing';
import { inquiryCounterModel } from '../src/inquiry/inquiry-counter.model';
import { InquiryNumbers, koreanDay } from '../src/inquiry/inquiry-number';

describe('inquiry numbers', () => {
  let connection: Connection;

  beforeAll(async () => {
    connection = await connectMongo({
      uri: String(process.env['MONGODB_URI']),
      dbName: uniqueName('numbers'),
    });
    inquiryCounterModel(connection);
    await syncAllIndexes(connection);
  });
  afterAll(() => connection.close());

  it('hands 300 concurrent intakes of a new day 300 distinct numbers in sequence', async () => {
    const numbers = new InquiryNumbers(inquiryCounterModel(connection));
    const at = new Date('2026-11-23T15:30:00Z');
    const handed = await Promise.all(Array.from({ length: 300 }, () => numbers.next(at)));
    expect(new Set(handed).size).toBe(300);
    expect([...handed].sort()).toEqual(
      Array.from(
        { length: 300 },
        (_, index) => `CS-20261124-${String(index + 1).padStart(6, '0')}`,
      ),
    );
  });

  it('follows the Korean calendar day', () => {
    expect(koreanDay(new Date('2026-11-23T14:59:59Z'))).toBe('20261123');
    expect(koreanDay(new Date('2026-11-23T15:00:00Z'))).toBe('20261124');
  });
});
