import { Types, type Connection } from 'mongoose';
import { uniqueName } from '@shop/testing';
import { connectMongo, createByIdLoader, isMongoReachable } from '../src';

describe('createByIdLoader against the MongoDB-compatible server', () => {
  let connection: Connection;

  beforeAll(async () => {
    connection = await connectMongo({
      uri: String(process.env['MONGODB_URI']),
      dbName: uniqueName('mongo'),
    });
  });
  afterAll(() => connection.close());

  it('loads a batch with one query, in key order, null for unknown and malformed ids', async () => {
    const docs = [
      { _id: new Types.ObjectId(), n: 1 },
      { _id: new Types.ObjectId(), n: 2 },
    ];
    await connection.collection('things').insertMany(docs);
    const queries: Types.ObjectId[][] = [];
    const loader = createByIdLoader(async (ids) => {
      queries.push(ids);
      return connection
        .collection<{ _id: Types.ObjectId; n: number }>('things')
        .find({ _id: { $in: ids } })
        .toArray();
    });
    const unknown = new Types.ObjectId().toHexString();
    const results = await Promise.all(
      [docs[1]?._id.toHexString(), 'not-an-id', docs[0]?._id.toHexString(), unknown].map((id) =>
        loader.load(String(id)),
      ),
    );
    expect(results.map((doc) => doc?.n ?? null)).toEqual([2, null, 1, null]);
    expect(queries).toHaveLength(1);
    expect(queries[0]).toHaveLength(3);
  });

  it('reports the server reachable', async () => {
    expect(await isMongoReachable(connection)).toBe(true);
  });
});
