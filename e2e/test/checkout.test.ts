import { randomUUID } from 'node:crypto';
import { dataPlatform, pgSandbox, waitFor } from '@shop/testing';
import { createSignedInUser, errorCodes, startStack, waitForMail, type Stack } from '../src';
import { CartCatalog, cartClient, linesOf } from './cart-fixtures';
import {
  ADDRESS,
  checkoutClient,
  customer,
  dataOf,
  ledgerOf,
  reservationOf,
  stockOf,
} from './checkout-fixtures';

describe('checkout through the gateway', () => {
  let stack: Stack;
  let catalog: CartCatalog;

  beforeAll(async () => {
    stack = await startStack({ POPULARITY_REFRESH_MS: '500' }, { workers: true });
    catalog = await CartCatalog.seed(stack, 40);
  });
  afterAll(() => stack.stop());

  it('buys a cart with the balance: PAID, mail, lines out of the cart, stock committed, sale counted, events out', async () => {
    const buyer = await customer(stack, 100_000);
    const cart = cartClient(stack, buyer.accessToken);
    const a = await catalog.take({ price: 12_000, available: 10 });
    const b = await catalog.take({ price: 9_000, available: 5 });
    const c = await catalog.take({ price: 1_000, available: 5 });
    dataOf(await cart.add(a, 2));
    dataOf(await cart.add(b, 1));

    const { createOrder: order } = dataOf(
      await buyer.checkout.createOrder({ shippingAddress: ADDRESS }),
    );
    expect(order).toMatchObject({
      status: 'PENDING_PAYMENT',
      buyer: { id: buyer.id },
      subtotal: { amount: 33_000 },
      shippingFee: { amount: 3_000 },
      discount: { amount: 0 },
      total: { amount: 36_000, currency: 'KRW' },
      refunded: { amount: 0 },
      payment: null,
      shipment: null,
      cancellations: [],
      shippingAddress: ADDRESS,
    });
    expect(order.number).toMatch(/^\d{8}-\d{6}$/);
    expect(
      order.items.map((item) => [item.product.id, item.quantity, item.unitPrice.amount]),
    ).toEqual([
      [a, 2, 12_000],
      [b, 1, 9_000],
    ]);
    expect(order.items[0]?.productName).toBe(order.items[0]?.product.name);
    expect(Date.parse(order.payBy ?? '') - Date.parse(order.createdAt)).toBe(900_000);
    expect(order.history.map((change) => [change.status, change.by])).toEqual([
      ['PENDING_PAYMENT', buyer.id],
    ]);
    expect(await stockOf(stack, a)).toMatchObject({ onHand: 10, reserved: 2, available: 8 });

    // Since ordering, the buyer raised a and added c: those units stay in the cart.
    dataOf(await cart.add(a, 1));
    dataOf(await cart.add(c, 1));
    const { payOrder } = dataOf(await buyer.checkout.payOrder(order.id, { method: 'BALANCE' }));
    expect(payOrder.payment).toMatchObject({
      method: 'BALANCE',
      status: 'APPROVED',
      amount: { amount: 36_000 },
    });
    expect(payOrder.order.status).toBe('PAID');
    expect(payOrder.order.history.map((change) => [change.status, change.by])).toEqual([
      ['PENDING_PAYMENT', buyer.id],
      ['PAID', buyer.id],
    ]);

    expect(await stockOf(stack, a)).toMatchObject({ onHand: 8, reserved: 0, available: 8 });
    expect(await stockOf(stack, b)).toMatchObject({ onHand: 4, reserved: 0, available: 4 });
    expect(await reservationOf(stack, order.id)).toBe('COMMITTED');
    expect(await ledgerOf(stack, buyer.id)).toEqual([
      ['CHARGE', 100_000, 100_000],
      ['PAYMENT', -36_000, 64_000],
    ]);
    expect(linesOf(dataOf(await cart.myCart()).myCart)).toEqual([
      [a, 1],
      [c, 1],
    ]);

    const mail = await waitForMail(buyer.email, /결제가 완료되었습니다/);
    expect(mail.subject).toBe(`[Shop] 주문 ${order.number} 결제가 완료되었습니다`);
    expect(mail.text).toContain('결제 금액: 36,000원 (잔액)');

    await waitFor('a and b among the popular products', async () => {
      const popular = await stack.query<{ popularProducts: Array<{ id: string }> }>(
        '{ popularProducts(limit: 20) { id } }',
      );
      const ids = popular.data?.popularProducts.map((product) => product.id) ?? [];
      return ids.includes(a) && ids.includes(b) && ids.indexOf(a) < ids.indexOf(b)
        ? true
        : undefined;
    });

    const types = await waitFor('the order’s events at the data platform', async () => {
      const mine = (await dataPlatform.list()).filter(
        (delivery) => (delivery.event['payload'] as { orderId?: string }).orderId === order.id,
      );
      return mine.length === 4 ? mine.map((delivery) => delivery.type).sort() : undefined;
    });
    expect(types).toEqual([
      'orders.order.created',
      'orders.order.paid',
      'orders.order.statusChanged',
      'payments.payment.succeeded',
    ]);
  });

  it('pays by card: one approval at the PG, PAID, and an order of explicit lines leaves the cart alone', async () => {
    const buyer = await customer(stack);
    const product = await catalog.take({ price: 25_000, available: 3 });
    dataOf(await cartClient(stack, buyer.accessToken).add(product, 1));
    const { createOrder: order } = dataOf(
      await buyer.checkout.createOrder({
        items: [{ productId: product, quantity: 2 }],
        shippingAddress: ADDRESS,
      }),
    );
    expect(order.total.amount).toBe(50_000); // free shipping at the threshold
    const cardToken = await pgSandbox.tokenize(pgSandbox.cards.approves);
    const { payOrder } = dataOf(
      await buyer.checkout.payOrder(order.id, { method: 'CARD', cardToken }),
    );
    expect(payOrder.order.status).toBe('PAID');
    expect(payOrder.payment).toMatchObject({
      method: 'CARD',
      status: 'APPROVED',
      amount: { amount: 50_000 },
    });
    const atPg = (await pgSandbox.list()).filter((payment) => payment.orderId === order.id);
    expect(atPg.map((payment) => [payment.status, payment.totalAmount])).toEqual([
      ['DONE', 50_000],
    ]);
    expect(await stockOf(stack, product)).toMatchObject({ onHand: 1, reserved: 0 });
    expect(linesOf(dataOf(await cartClient(stack, buyer.accessToken).myCart()).myCart)).toEqual([
      [product, 1],
    ]);
    await waitForMail(buyer.email, /결제가 완료되었습니다/);
  });

  it('answers the same order for the same key and input, and refuses the key with other input', async () => {
    const buyer = await customer(stack);
    const product = await catalog.take({ available: 10 });
    const input = { items: [{ productId: product, quantity: 1 }], shippingAddress: ADDRESS };
    const key = randomUUID();
    const first = dataOf(await buyer.checkout.createOrder(input, key)).createOrder;
    const again = dataOf(await buyer.checkout.createOrder(input, key)).createOrder;
    expect(again.id).toBe(first.id);
    const other = await buyer.checkout.createOrder(
      { ...input, items: [{ productId: product, quantity: 2 }] },
      key,
    );
    expect(errorCodes(other)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    // The key is the buyer's: another buyer's same key is a request of their own.
    const stranger = await customer(stack);
    const theirs = dataOf(await stranger.checkout.createOrder(input, key)).createOrder;
    expect(theirs.id).not.toBe(first.id);
    expect(await stockOf(stack, product)).toMatchObject({ reserved: 2, available: 8 });
    expect(dataOf(await buyer.checkout.myOrders()).myOrders.totalCount).toBe(1);
  });

  it('refuses bad input with the error API.md names, and changes nothing', async () => {
    const buyer = await customer(stack);
    const product = await catalog.take({ available: 5 });
    const archived = await catalog.take({ available: 5 });
    await catalog.set(archived, { status: 'ARCHIVED' });
    const line = (quantity = 1, productId = product) => ({ items: [{ productId, quantity }] });
    const cases: Array<[Record<string, unknown>, string, Record<string, unknown>?]> = [
      [{ shippingAddress: ADDRESS }, 'EMPTY_CART'],
      [{ ...line(), items: [], shippingAddress: ADDRESS }, 'EMPTY_CART'],
      [
        { ...line(), shippingAddress: { ...ADDRESS, phone: '12345' } },
        'BAD_USER_INPUT',
        { field: 'input.shippingAddress.phone' },
      ],
      [
        { ...line(), shippingAddress: { ...ADDRESS, postalCode: '0623' } },
        'BAD_USER_INPUT',
        { field: 'input.shippingAddress.postalCode' },
      ],
      [
        { ...line(), shippingAddress: { ...ADDRESS, recipient: '  ' } },
        'BAD_USER_INPUT',
        { field: 'input.shippingAddress.recipient' },
      ],
      [
        { ...line(0), shippingAddress: ADDRESS },
        'BAD_USER_INPUT',
        { field: 'input.items.0.quantity' },
      ],
      [
        { ...line(100), shippingAddress: ADDRESS },
        'BAD_USER_INPUT',
        { field: 'input.items.0.quantity' },
      ],
      [
        {
          items: [
            { productId: product, quantity: 1 },
            { productId: product, quantity: 1 },
          ],
          shippingAddress: ADDRESS,
        },
        'BAD_USER_INPUT',
      ],
      [
        { ...line(1, 'not-an-id'), shippingAddress: ADDRESS },
        'BAD_USER_INPUT',
        { field: 'input.items.0.productId' },
      ],
      [
        { ...line(1, '0123456789abcdef01234567'), shippingAddress: ADDRESS },
        'NOT_FOUND',
        { productId: '0123456789abcdef01234567' },
      ],
      [{ ...line(1, archived), shippingAddress: ADDRESS }, 'OUT_OF_STOCK', { productId: archived }],
      [
        { ...line(6), shippingAddress: ADDRESS },
        'OUT_OF_STOCK',
        { productId: product, available: 5 },
      ],
      [{ ...line(), shippingAddress: ADDRESS, couponId: 'c1' }, 'COUPON_NOT_APPLICABLE'],
    ];
    for (const [input, code, details] of cases) {
      const result = await buyer.checkout.createOrder(input);
      expect([JSON.stringify(input), errorCodes(result)]).toEqual([JSON.stringify(input), [code]]);
      if (details) expect(result.errors?.[0]?.extensions).toMatchObject(details);
    }
    for (const key of ['', 'k'.repeat(256)]) {
      const result = await buyer.checkout.createOrder({ ...line(), shippingAddress: ADDRESS }, key);
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'idempotencyKey',
      });
    }
    expect(
      errorCodes(await checkoutClient(stack).createOrder({ ...line(), shippingAddress: ADDRESS })),
    ).toEqual(['UNAUTHENTICATED']);
    expect(dataOf(await buyer.checkout.myOrders()).myOrders.totalCount).toBe(0);
    expect(await stockOf(stack, product)).toMatchObject({
      onHand: 5,
      reserved: 0,
      available: 5,
      holds: 0,
    });
  });

  it('refuses payments it cannot take, changing nothing', async () => {
    const buyer = await customer(stack, 50_000);
    const product = await catalog.take({ price: 10_000, available: 5 });
    const { createOrder: order } = dataOf(
      await buyer.checkout.createOrder({
        items: [{ productId: product, quantity: 1 }],
        shippingAddress: ADDRESS,
      }),
    );
    const refusals: Array<[Record<string, unknown>, Record<string, unknown>]> = [
      [{ method: 'CARD' }, { code: 'BAD_USER_INPUT', field: 'input.cardToken' }],
      [
        { method: 'BALANCE', cardToken: 'tok' },
        { code: 'BAD_USER_INPUT', field: 'input.cardToken' },
      ],
      [
        { method: 'CARD', cardToken: 'tok_unknown' },
        { code: 'BAD_USER_INPUT', field: 'input.cardToken' },
      ],
    ];
    for (const [input, error] of refusals) {
      expect(
        (await buyer.checkout.payOrder(order.id, input)).errors?.[0]?.extensions,
      ).toMatchObject(error);
    }
    const stranger = await customer(stack, 50_000);
    expect(errorCodes(await stranger.checkout.payOrder(order.id, { method: 'BALANCE' }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(errorCodes(await stranger.checkout.payOrder('nope', { method: 'BALANCE' }))).toEqual([
      'NOT_FOUND',
    ]);
    for (const amount of [0, 1_000_001]) {
      expect((await buyer.checkout.chargeBalance(amount)).errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'amount',
      });
    }
    const unchanged = dataOf(await buyer.checkout.order(order.id)).order;
    expect(unchanged).toMatchObject({ status: 'PENDING_PAYMENT', payment: null });
    expect(dataOf(await buyer.checkout.myBalance()).myBalance.available.amount).toBe(50_000);

    dataOf(await buyer.checkout.payOrder(order.id, { method: 'BALANCE' }));
    const paidAgain = await buyer.checkout.payOrder(order.id, { method: 'BALANCE' });
    expect(errorCodes(paidAgain)).toEqual(['INVALID_STATE_TRANSITION']);
    expect(await ledgerOf(stack, buyer.id)).toEqual([
      ['CHARGE', 50_000, 50_000],
      ['PAYMENT', -13_000, 37_000],
    ]);
  });

  it('lets the buyer and staff read an order, and tells no one else it exists', async () => {
    const buyer = await customer(stack);
    const product = await catalog.take({ available: 20 });
    const orders = [];
    for (let index = 0; index < 3; index += 1) {
      const input = { items: [{ productId: product, quantity: 1 }], shippingAddress: ADDRESS };
      orders.push(dataOf(await buyer.checkout.createOrder(input)).createOrder);
    }
    const [first, second, third] = orders;
    dataOf(await buyer.checkout.cancelOrder(second?.id ?? '', 'changed my mind'));
    const agent = checkoutClient(
      stack,
      (await createSignedInUser(stack, { roles: ['AGENT'] })).accessToken,
    );
    const admin = checkoutClient(
      stack,
      (await createSignedInUser(stack, { roles: ['ADMIN'] })).accessToken,
    );
    const stranger = await customer(stack);
    for (const reader of [buyer.checkout, agent, admin]) {
      expect(dataOf(await reader.order(first?.id ?? '')).order?.number).toBe(first?.number);
      expect(dataOf(await reader.orderByNumber(third?.number ?? '')).orderByNumber?.id).toBe(
        third?.id,
      );
    }
    expect(errorCodes(await stranger.checkout.order(first?.id ?? ''))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await stranger.checkout.orderByNumber(first?.number ?? ''))).toEqual([
      'NOT_FOUND',
    ]);
    expect(errorCodes(await stranger.checkout.order('0123456789abcdef01234567'))).toEqual([
      'NOT_FOUND',
    ]);
    expect(errorCodes(await checkoutClient(stack).order(first?.id ?? ''))).toEqual([
      'UNAUTHENTICATED',
    ]);

    const page1 = dataOf(await buyer.checkout.myOrders({ first: 2 })).myOrders;
    const page2 = dataOf(
      await buyer.checkout.myOrders({ first: 2, after: page1.pageInfo.endCursor ?? '' }),
    ).myOrders;
    expect([...page1.edges, ...page2.edges].map((edge) => edge.node.id)).toEqual([
      third?.id,
      second?.id,
      first?.id,
    ]);
    expect([page1.totalCount, page1.pageInfo.hasNextPage, page2.pageInfo.hasNextPage]).toEqual([
      3,
      true,
      false,
    ]);
    const cancelled = dataOf(await buyer.checkout.myOrders({ status: ['CANCELLED'] })).myOrders;
    expect(cancelled.edges.map((edge) => edge.node.id)).toEqual([second?.id]);

    const filtered = dataOf(
      await agent.orders({ buyerId: buyer.id, status: ['PENDING_PAYMENT'] }),
    ).orders;
    expect(filtered.edges.map((edge) => edge.node.id)).toEqual([third?.id, first?.id]);
    expect(dataOf(await admin.orders({ number: first?.number })).orders.totalCount).toBe(1);
    expect(errorCodes(await buyer.checkout.orders({}))).toEqual(['FORBIDDEN']);

    const me = await stack.query<{
      me: { orders: { totalCount: number }; balance: { available: { amount: number } } };
    }>(
      '{ me { orders(first: 5) { totalCount } balance { available { amount } } } }',
      {},
      { token: buyer.accessToken },
    );
    expect(me.data?.me).toEqual({
      orders: { totalCount: 3 },
      balance: { available: { amount: 0 } },
    });
  });

  it('cancels an unpaid order for the buyer or staff, releasing its stock at once', async () => {
    const buyer = await customer(stack);
    const product = await catalog.take({ available: 4 });
    const place = async () =>
      dataOf(
        await buyer.checkout.createOrder({
          items: [{ productId: product, quantity: 2 }],
          shippingAddress: ADDRESS,
        }),
      ).createOrder;
    const mine = await place();
    const stranger = await customer(stack);
    expect(errorCodes(await stranger.checkout.cancelOrder(mine.id, 'not mine'))).toEqual([
      'NOT_FOUND',
    ]);
    expect(errorCodes(await buyer.checkout.cancelOrder(mine.id, ' '))).toEqual(['BAD_USER_INPUT']);
    expect(await stockOf(stack, product)).toMatchObject({ reserved: 2, available: 2 });
    const cancelled = dataOf(await buyer.checkout.cancelOrder(mine.id, '마음이 바뀜')).cancelOrder;
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.history.at(-1)).toMatchObject({
      status: 'CANCELLED',
      by: buyer.id,
      reason: '마음이 바뀜',
    });
    expect(await stockOf(stack, product)).toMatchObject({ onHand: 4, reserved: 0, available: 4 });
    expect(await reservationOf(stack, mine.id)).toBe('RELEASED');
    expect(errorCodes(await buyer.checkout.cancelOrder(mine.id, 'again'))).toEqual([
      'INVALID_STATE_TRANSITION',
    ]);
    expect(errorCodes(await buyer.checkout.payOrder(mine.id, { method: 'BALANCE' }))).toEqual([
      'INVALID_STATE_TRANSITION',
    ]);
    const mail = await waitForMail(buyer.email, /취소되었습니다/);
    expect(mail.text).toContain('고객님의 요청으로 주문이 취소되었습니다. 사유: 마음이 바뀜');

    const agent = await createSignedInUser(stack, { roles: ['AGENT'] });
    const second = await place();
    const byAgent = dataOf(
      await checkoutClient(stack, agent.accessToken).cancelOrder(second.id, 'customer called'),
    );
    expect(byAgent.cancelOrder.history.at(-1)).toMatchObject({
      by: agent.id,
      reason: 'customer called',
    });
    expect(await stockOf(stack, product)).toMatchObject({ reserved: 0, available: 4 });
  });

  it('tops a balance up once per key, with a ledger of entries', async () => {
    const buyer = await customer(stack);
    const key = randomUUID();
    dataOf(await buyer.checkout.chargeBalance(30_000, key));
    const again = dataOf(await buyer.checkout.chargeBalance(30_000, key)).chargeBalance;
    expect(again.available.amount).toBe(30_000);
    expect(errorCodes(await buyer.checkout.chargeBalance(40_000, key))).toEqual([
      'IDEMPOTENCY_KEY_REUSED',
    ]);
    dataOf(await buyer.checkout.chargeBalance(5_000));
    const balance = dataOf(await buyer.checkout.myBalance()).myBalance;
    expect(balance.available).toEqual({ amount: 35_000, currency: 'KRW' });
    expect(
      balance.entries.map((entry) => [entry.kind, entry.amount.amount, entry.balanceAfter.amount]),
    ).toEqual([
      ['CHARGE', 5_000, 35_000],
      ['CHARGE', 30_000, 30_000],
    ]);
    expect(errorCodes(await checkoutClient(stack).myBalance())).toEqual(['UNAUTHENTICATED']);
  });
});
