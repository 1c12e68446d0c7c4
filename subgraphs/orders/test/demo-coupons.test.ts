import { DEMO_ACCOUNTS } from '@shop/contracts';
import { testIdentity } from '@shop/subgraph-testing';
import { DEMO_CAMPAIGN_IDS, seedDemoCoupons } from '../src/seed/demo-coupons';
import { startOrders } from './support/orders-under-test';

describe('demo coupons', () => {
  it("seeds the demo seller's campaign with 5 left and the admin's, once", async () => {
    const orders = await startOrders();
    try {
      const { couponCampaigns, coupons } = orders.subgraph.models;
      expect(await seedDemoCoupons(couponCampaigns, coupons)).toBe(2);
      expect(await seedDemoCoupons(couponCampaigns, coupons)).toBe(0);
      const read = (id: string) =>
        orders.call<{ couponCampaign: { remaining: number; issuer: { id: string } } }>(
          'query ($id: ID!) { couponCampaign(id: $id) { remaining issuer { id } } }',
          { id },
          testIdentity('CUSTOMER'),
        );
      expect((await read(DEMO_CAMPAIGN_IDS.seller)).data?.couponCampaign).toEqual({
        remaining: 5,
        issuer: { id: DEMO_ACCOUNTS.seller.id },
      });
      expect((await read(DEMO_CAMPAIGN_IDS.admin)).data?.couponCampaign).toEqual({
        remaining: 1_000,
        issuer: { id: DEMO_ACCOUNTS.admin.id },
      });
      const customer = { ...testIdentity('CUSTOMER'), userId: DEMO_ACCOUNTS.customer.id };
      const mine = await orders.call<{ myCoupons: Array<{ campaign: { id: string } }> }>(
        '{ myCoupons { campaign { id } } }',
        {},
        customer,
      );
      expect(mine.data?.myCoupons).toEqual([{ campaign: { id: DEMO_CAMPAIGN_IDS.seller } }]);
      // The claim state is built from the seeded records: the customer already has one.
      const again = await orders.call(
        'mutation ($id: ID!) { claimCoupon(campaignId: $id) { id } }',
        { id: DEMO_CAMPAIGN_IDS.seller },
        customer,
      );
      expect(again.errors?.[0]?.extensions?.['code']).toBe('COUPON_ALREADY_CLAIMED');
    } finally {
      await orders.stop();
    }
  });
});
