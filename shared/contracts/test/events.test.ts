import { ALL_EVENTS, orderPaid } from '../src';

describe('the event catalogue', () => {
  it('names every event once, as <area>.<entity>.<what happened>', () => {
    const types = ALL_EVENTS.map((event) => event.type);
    expect(new Set(types).size).toBe(types.length);
    // The last part is kebab-case or, for the names seed 000 fixed (`orders.order.statusChanged`), camelCase.
    for (const type of types) expect(type).toMatch(/^[a-z]+\.[a-z]+\.[a-z][a-zA-Z-]*$/);
  });

  it('refuses to create an event its consumers would refuse', () => {
    expect(() => orderPaid.create({ orderId: 'o1', lines: [] })).toThrow();
    const event = orderPaid.create({ orderId: 'o1', lines: [{ productId: 'p', quantity: 2 }] });
    expect(event).toMatchObject({ type: 'orders.order.paid', version: 1 });
    expect(orderPaid.parse(event)).toEqual(event.payload);
  });
});
