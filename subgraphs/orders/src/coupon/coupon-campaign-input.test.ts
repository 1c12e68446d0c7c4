import { couponExpiry, createCampaignInput } from './coupon-campaign-input';

const valid = {
  name: '봄맞이 10%',
  kind: 'PERCENT',
  value: 10,
  quantity: 50,
  startsAt: new Date('2026-11-01T00:00:00Z'),
  endsAt: new Date('2026-12-01T00:00:00Z'),
};
const issueOf = (input: Record<string, unknown>) => {
  const result = createCampaignInput.safeParse({ ...valid, ...input });
  return result.success ? null : result.error.issues[0]?.path.join('.');
};

describe('createCouponCampaign input', () => {
  it('fills the defaults', () => {
    expect(createCampaignInput.parse(valid)).toMatchObject({
      maxDiscount: null,
      minOrderAmount: 0,
      validDays: 30,
      productIds: [],
    });
  });

  it.each([
    [{ value: 0 }, 'value'],
    [{ value: -5 }, 'value'],
    [{ value: 101 }, 'value'],
    [{ kind: 'FIXED', value: 0 }, 'value'],
    [{ quantity: 0 }, 'quantity'],
    [{ quantity: 1_000_001 }, 'quantity'],
    [{ minOrderAmount: -1 }, 'minOrderAmount'],
    [{ maxDiscount: 0 }, 'maxDiscount'],
    [{ validDays: 0 }, 'validDays'],
    [{ endsAt: new Date('2026-10-31T00:00:00Z') }, 'endsAt'],
    [{ endsAt: valid.startsAt }, 'endsAt'],
    [{ productIds: ['nope'] }, 'productIds.0'],
  ])('refuses %j naming %s', (input, field) => {
    expect(issueOf(input)).toBe(field);
  });

  it('accepts 100% and a FIXED amount above 100', () => {
    expect(issueOf({ value: 100 })).toBeNull();
    expect(issueOf({ kind: 'FIXED', value: 5_000 })).toBeNull();
    expect(issueOf({ quantity: 1_000_000 })).toBeNull();
  });
});

describe('couponExpiry', () => {
  it('is validDays after the claim, never past the campaign end', () => {
    const claimed = new Date('2026-11-23T00:00:00Z');
    expect(couponExpiry(claimed, 3, new Date('2026-12-31T00:00:00Z'))).toEqual(
      new Date('2026-11-26T00:00:00Z'),
    );
    expect(couponExpiry(claimed, 30, new Date('2026-11-25T00:00:00Z'))).toEqual(
      new Date('2026-11-25T00:00:00Z'),
    );
  });
});
