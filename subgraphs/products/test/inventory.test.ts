import { Types } from 'mongoose';
import { INVENTORY_INTERNAL, type ReservationResponse } from '@shop/contracts';
import { InternalClient } from '@shop/service';
import { waitFor } from '@shop/testing';
import { productModel } from '../src/product/product.model';
import { reservationModel } from '../src/inventory/reservation.model';
import { createProduct } from './support/catalog-builders';
import { startProducts, type ProductsUnderTest } from './support/products-client';

describe('inventory reservations', () => {
  let subgraph: ProductsUnderTest['subgraph'];
  let orders: InternalClient;

  beforeAll(async () => {
    const started = await startProducts({ RESERVATION_SWEEP_INTERVAL_MS: '100' });
    const { config, internalBaseUrl: baseUrl } = started;
    subgraph = started.subgraph;
    orders = new InternalClient({
      baseUrl,
      caller: 'orders',
      audience: 'products',
      secret: config.INTERNAL_API_SECRET,
      timeoutMs: 30_000,
    });
  });
  afterAll(() => subgraph.stop());

  const mongo = () => subgraph.runtime.mongo;
  const stockOf = async (id: Types.ObjectId) => {
    const product = await productModel(mongo()).findById(id).lean();
    return { ...product?.stock, holds: product?.holds?.length ?? 0 };
  };
  const reserve = (orderId: string, lines: Array<[Types.ObjectId, number]>, ttlSeconds?: number) =>
    orders.post<ReservationResponse>(INVENTORY_INTERNAL.reserve, {
      orderId,
      lines: lines.map(([id, quantity]) => ({ productId: id.toHexString(), quantity })),
      ...(ttlSeconds ? { ttlSeconds } : {}),
    });

  it('gives exactly 50 of 200 concurrent one-unit reservations against stock 50', async () => {
    const product = await createProduct(mongo(), { onHand: 50 });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 200 }, (_, index) => reserve(`race-${index}`, [[product._id, 1]])),
    );
    const succeeded = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const failed = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' ? [outcome.reason as { extensions?: { code?: string } }] : [],
    );
    expect(succeeded).toHaveLength(50);
    expect(new Set(failed.map((error) => error.extensions?.code))).toEqual(
      new Set(['OUT_OF_STOCK']),
    );
    expect(await stockOf(product._id)).toEqual({
      onHand: 50,
      reserved: 50,
      available: 0,
      holds: 50,
    });
    expect(
      await reservationModel(mongo()).countDocuments({ _id: /^race-/, status: 'RESERVED' }),
    ).toBe(50);
  });

  it('reserves nothing when one line of several lacks stock', async () => {
    const [a, b, c] = await Promise.all([
      createProduct(mongo(), { onHand: 5 }),
      createProduct(mongo(), { onHand: 2 }),
      createProduct(mongo(), { onHand: 9 }),
    ]);
    await expect(
      reserve('multi-1', [
        [a._id, 3],
        [b._id, 3],
        [c._id, 1],
      ]),
    ).rejects.toMatchObject({
      extensions: { code: 'OUT_OF_STOCK', productId: b._id.toHexString(), available: 2 },
    });
    expect(await stockOf(a._id)).toEqual({ onHand: 5, reserved: 0, available: 5, holds: 0 });
    expect(await stockOf(b._id)).toEqual({ onHand: 2, reserved: 0, available: 2, holds: 0 });
    expect(await stockOf(c._id)).toEqual({ onHand: 9, reserved: 0, available: 9, holds: 0 });
    // The retry reports the same refusal and still holds nothing.
    await expect(
      reserve('multi-1', [
        [a._id, 3],
        [b._id, 3],
        [c._id, 1],
      ]),
    ).rejects.toMatchObject({
      extensions: { code: 'OUT_OF_STOCK' },
    });
    expect(await stockOf(a._id)).toMatchObject({ reserved: 0, available: 5 });
  });

  it('applies a retried reservation once, and refuses other lines under the same order id', async () => {
    const product = await createProduct(mongo(), { onHand: 20 });
    const first = await reserve('retry-1', [[product._id, 4]]);
    const retries = await Promise.all([1, 2, 3].map(() => reserve('retry-1', [[product._id, 4]])));
    expect(retries).toEqual([first, first, first]);
    expect(first).toMatchObject({ orderId: 'retry-1', status: 'RESERVED' });
    expect(await stockOf(product._id)).toEqual({
      onHand: 20,
      reserved: 4,
      available: 16,
      holds: 1,
    });
    await expect(reserve('retry-1', [[product._id, 5]])).rejects.toMatchObject({
      extensions: { code: 'IDEMPOTENCY_KEY_REUSED' },
    });
  });

  it('commits once: on-hand and reserved drop, release afterwards is refused', async () => {
    const product = await createProduct(mongo(), { onHand: 12 });
    await reserve('commit-1', [
      [product._id, 3],
      [product._id, 2],
    ]);
    const commits = await Promise.all(
      [1, 2].map(() =>
        orders.post<ReservationResponse>(INVENTORY_INTERNAL.commit, { orderId: 'commit-1' }),
      ),
    );
    expect(commits.map((commit) => commit.status)).toEqual(['COMMITTED', 'COMMITTED']);
    expect(commits[0]?.lines).toEqual([{ productId: product._id.toHexString(), quantity: 5 }]);
    expect(await stockOf(product._id)).toEqual({ onHand: 7, reserved: 0, available: 7, holds: 0 });
    await expect(
      orders.post(INVENTORY_INTERNAL.release, { orderId: 'commit-1' }),
    ).rejects.toMatchObject({ extensions: { code: 'INVALID_STATE_TRANSITION' } });
  });

  it('release restores exactly, once, and a late reserve of a released order is refused', async () => {
    const product = await createProduct(mongo(), { onHand: 8, reserved: 0 });
    await reserve('release-1', [[product._id, 6]]);
    expect(await stockOf(product._id)).toMatchObject({ reserved: 6, available: 2 });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const released = await orders.post<ReservationResponse>(INVENTORY_INTERNAL.release, {
        orderId: 'release-1',
      });
      expect(released.status).toBe('RELEASED');
    }
    expect(await stockOf(product._id)).toEqual({ onHand: 8, reserved: 0, available: 8, holds: 0 });
    await expect(reserve('release-1', [[product._id, 6]])).rejects.toMatchObject({
      extensions: { code: 'INVALID_STATE_TRANSITION' },
    });
    const tombstone = await orders.post<ReservationResponse>(INVENTORY_INTERNAL.release, {
      orderId: 'never-reserved',
    });
    expect(tombstone).toMatchObject({ status: 'RELEASED', lines: [] });
    await expect(reserve('never-reserved', [[product._id, 1]])).rejects.toMatchObject({
      extensions: { code: 'INVALID_STATE_TRANSITION' },
    });
    expect(await stockOf(product._id)).toMatchObject({ reserved: 0, available: 8 });
  });

  it('lets the sweeper release an expired reservation exactly, after which commit is refused', async () => {
    const product = await createProduct(mongo(), { onHand: 30 });
    await reserve('expire-1', [[product._id, 7]], 1);
    expect(await stockOf(product._id)).toMatchObject({ reserved: 7, available: 23 });
    await waitFor('the sweeper to expire the reservation', async () => {
      const reservation = await reservationModel(mongo()).findById('expire-1').lean();
      return reservation?.status === 'EXPIRED' && reservation.settled ? true : undefined;
    });
    expect(await stockOf(product._id)).toEqual({
      onHand: 30,
      reserved: 0,
      available: 30,
      holds: 0,
    });
    await expect(
      orders.post(INVENTORY_INTERNAL.commit, { orderId: 'expire-1' }),
    ).rejects.toMatchObject({ extensions: { code: 'INVALID_STATE_TRANSITION' } });
  });

  it('finishes a reservation a crash left half-applied', async () => {
    const [a, b] = await Promise.all([
      createProduct(mongo(), { onHand: 10 }),
      createProduct(mongo(), { onHand: 10 }),
    ]);
    // A process died after holding the first line: the reservation is PENDING, one hold placed.
    await reservationModel(mongo()).create({
      _id: 'crash-1',
      status: 'PENDING',
      lines: [
        { productId: a._id.toHexString(), quantity: 2 },
        { productId: b._id.toHexString(), quantity: 3 },
      ].sort((x, y) => x.productId.localeCompare(y.productId)),
      expiresAt: new Date(Date.now() + 60_000),
      settled: false,
    });
    await productModel(mongo()).updateOne(
      { _id: a._id },
      {
        $inc: { 'stock.available': -2, 'stock.reserved': 2 },
        $push: {
          holds: { orderId: 'crash-1', quantity: 2, expiresAt: new Date(Date.now() + 60_000) },
        },
      },
    );
    const resumed = await reserve('crash-1', [
      [a._id, 2],
      [b._id, 3],
    ]);
    expect(resumed.status).toBe('RESERVED');
    expect(await stockOf(a._id)).toMatchObject({ reserved: 2, available: 8, holds: 1 });
    expect(await stockOf(b._id)).toMatchObject({ reserved: 3, available: 7, holds: 1 });
  });

  it('ends holds a settled reservation left behind, and settles a reservation a crash left unsettled', async () => {
    const [orphaned, unsettled] = await Promise.all([
      createProduct(mongo(), { onHand: 10 }),
      createProduct(mongo(), { onHand: 10 }),
    ]);
    const longAgo = new Date(Date.now() - 5 * 60_000);
    // Units held first, as in a real run; then the reservations that no longer claim them.
    const hold = (orderId: string, quantity: number, expiresAt: Date) => ({
      $inc: { 'stock.available': -quantity, 'stock.reserved': quantity },
      $push: { holds: { orderId, quantity, expiresAt } },
    });
    await productModel(mongo()).updateOne({ _id: orphaned._id }, hold('orphan-1', 3, longAgo));
    await productModel(mongo()).updateOne(
      { _id: unsettled._id },
      hold('unsettled-1', 4, new Date(Date.now() + 60_000)),
    );
    // A retry placed a hold after its reservation had been refused and settled, then died.
    await reservationModel(mongo()).create({
      _id: 'orphan-1',
      status: 'REJECTED',
      lines: [],
      expiresAt: longAgo,
      settled: true,
    });
    // A release changed the status, then the process died before returning the units.
    await reservationModel(mongo()).create({
      _id: 'unsettled-1',
      status: 'RELEASED',
      lines: [{ productId: unsettled._id.toHexString(), quantity: 4 }],
      expiresAt: new Date(Date.now() + 60_000),
      settled: false,
    });
    await reservationModel(mongo()).collection.updateOne(
      { _id: 'unsettled-1' as never },
      { $set: { updatedAt: longAgo } },
    );
    await waitFor('the sweeper to return both', async () => {
      const [a, b] = await Promise.all([stockOf(orphaned._id), stockOf(unsettled._id)]);
      return a.holds === 0 && b.holds === 0 ? true : undefined;
    });
    expect(await stockOf(orphaned._id)).toEqual({
      onHand: 10,
      reserved: 0,
      available: 10,
      holds: 0,
    });
    expect(await stockOf(unsettled._id)).toEqual({
      onHand: 10,
      reserved: 0,
      available: 10,
      holds: 0,
    });
    expect((await reservationModel(mongo()).findById('unsettled-1').lean())?.settled).toBe(true);
  });

  it('answers bad requests with BAD_USER_INPUT and changes nothing', async () => {
    const product = await createProduct(mongo(), { onHand: 5 });
    for (const body of [
      { orderId: 'bad-1', lines: [] },
      { orderId: 'bad-1', lines: [{ productId: 'nope', quantity: 1 }] },
      { orderId: 'bad-1', lines: [{ productId: product._id.toHexString(), quantity: 0 }] },
      { orderId: '', lines: [{ productId: product._id.toHexString(), quantity: 1 }] },
    ]) {
      await expect(orders.post(INVENTORY_INTERNAL.reserve, body)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    await expect(reserve('bad-2', [[new Types.ObjectId(), 1]])).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    expect(await stockOf(product._id)).toEqual({ onHand: 5, reserved: 0, available: 5, holds: 0 });
    expect(await reservationModel(mongo()).countDocuments({ _id: 'bad-1' })).toBe(0);
  });

  it('writes every stock change into the product outbox', async () => {
    const product = await createProduct(mongo(), { onHand: 5 });
    await subgraph.runtime.mongo
      .collection('products')
      .updateOne({ _id: product._id }, { $unset: { outbox: 1 } });
    await reserve('events-1', [[product._id, 2]]);
    await orders.post(INVENTORY_INTERNAL.release, { orderId: 'events-1' });
    const stored = await productModel(mongo()).findById(product._id).lean();
    // The relay may already have delivered some (oldest first); whatever is left is the rest,
    // in order. (`slice(-0)` is the whole list, so the suffix is counted from the front.)
    const changes = (stored?.outbox ?? []).map((event) => event.payload['change']);
    const written = ['RESERVED', 'RELEASED'];
    expect(changes).toEqual(written.slice(written.length - changes.length));
  });
});
