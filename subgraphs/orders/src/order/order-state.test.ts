import { ORDER_STATUSES } from '@shop/contracts';
import { actorFor, canTransition, ORDER_TRANSITIONS } from './order-state';

describe('the order state machine', () => {
  it('lets payment move only an unpaid order, and only to PAID, PAYMENT_FAILED or CANCELLED', () => {
    const fromUnpaid = ORDER_TRANSITIONS.filter((t) => t.from === 'PENDING_PAYMENT').map(
      (t) => t.to,
    );
    expect(fromUnpaid.sort()).toEqual(['CANCELLED', 'PAID', 'PAYMENT_FAILED']);
    expect(canTransition('PENDING_PAYMENT', 'PAID', 'SYSTEM')).toBe(true);
    expect(canTransition('PENDING_PAYMENT', 'PAID', 'AGENT')).toBe(false);
    for (const status of ORDER_STATUSES.filter((s) => s !== 'PENDING_PAYMENT')) {
      expect(canTransition(status, 'PAID', 'BUYER')).toBe(false);
    }
  });

  it('ends nowhere after a failed payment, a cancellation or a delivery', () => {
    for (const end of ['PAYMENT_FAILED', 'CANCELLED', 'DELIVERED'] as const) {
      expect(ORDER_TRANSITIONS.filter((t) => t.from === end)).toEqual([]);
    }
  });

  it('lets the buyer and staff cancel until the parcel ships, and no one after', () => {
    for (const from of ['PENDING_PAYMENT', 'PAID', 'PREPARING', 'PARTIALLY_CANCELLED'] as const) {
      for (const role of ['BUYER', 'AGENT', 'ADMIN'] as const) {
        expect(canTransition(from, 'CANCELLED', role)).toBe(true);
      }
      expect(canTransition(from, 'CANCELLED', 'SELLER')).toBe(false);
    }
    expect(ORDER_TRANSITIONS.some((t) => t.from === 'SHIPPED' && t.to === 'CANCELLED')).toBe(false);
    // Only an unpaid order times out.
    expect(canTransition('PENDING_PAYMENT', 'CANCELLED', 'SYSTEM')).toBe(true);
    expect(canTransition('PAID', 'CANCELLED', 'SYSTEM')).toBe(false);
  });

  it('leaves fulfilment to ADMIN and sellers, and delivery to the carrier or an ADMIN', () => {
    expect(canTransition('PAID', 'PREPARING', 'SELLER')).toBe(true);
    expect(canTransition('PAID', 'PREPARING', 'BUYER')).toBe(false);
    expect(canTransition('PREPARING', 'SHIPPED', 'ADMIN')).toBe(true);
    expect(canTransition('PAID', 'SHIPPED', 'ADMIN')).toBe(false);
    expect(canTransition('SHIPPED', 'DELIVERED', 'SYSTEM')).toBe(true);
    expect(canTransition('SHIPPED', 'DELIVERED', 'BUYER')).toBe(false);
  });

  it('sees the buyer as BUYER, staff by their role, and anyone else as a stranger', () => {
    const buyerId = 'b'.repeat(24);
    const identity = (userId: string, roles: Array<'CUSTOMER' | 'AGENT' | 'ADMIN'>) => ({
      userId,
      roles,
      sessionId: 's',
    });
    expect(actorFor(identity(buyerId, ['CUSTOMER']), buyerId)).toEqual({
      role: 'BUYER',
      id: buyerId,
    });
    expect(actorFor(identity('a'.repeat(24), ['AGENT']), buyerId)?.role).toBe('AGENT');
    expect(actorFor(identity('c'.repeat(24), ['ADMIN']), buyerId)?.role).toBe('ADMIN');
    expect(actorFor(identity('d'.repeat(24), ['CUSTOMER']), buyerId)).toBeNull();
  });
});
