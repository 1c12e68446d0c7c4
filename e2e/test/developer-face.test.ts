import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGateway, loadGatewayConfig, type Gateway } from '@shop/gateway';
import { errorCodes, graphql, startStack, type Stack } from '../src';

interface Manifest {
  operations: Array<{ id: string; name: string; body: string }>;
}
const manifest = JSON.parse(
  readFileSync(join(__dirname, '../../gateway/persisted-operations.json'), 'utf8'),
) as Manifest;
const categories = manifest.operations.find((operation) => operation.name === 'Categories');

async function post(url: string, body: Record<string, unknown>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: unknown;
      errors?: Array<{ extensions?: { code?: string } }>;
    },
  };
}

const html = (url: string) => fetch(url, { headers: { accept: 'text/html' } });

describe('the developer face: GraphiQL and trusted documents', () => {
  let stack: Stack;
  let trustedOnly: Gateway;
  let trustedOnlyUrl: string;

  beforeAll(async () => {
    stack = await startStack();
    const subgraphUrls = Object.fromEntries(
      Object.entries(stack.subgraphs).map(([name, running]) => [
        `${name.toUpperCase()}_URL`,
        running.url,
      ]),
    );
    trustedOnly = createGateway(
      loadGatewayConfig({ ...stack.env, ...subgraphUrls, TRUSTED_DOCUMENTS_ONLY: 'true' }),
    );
    trustedOnlyUrl = (await trustedOnly.http.listen(0)).url;
  });
  afterAll(async () => {
    await trustedOnly.stop();
    await stack.stop();
  });

  it('serves GraphiQL at /graphql to a browser in development, with its scripts from local packages', async () => {
    const page = await html(stack.gatewayUrl);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('/graphiql/graphiql.js');
    expect(text).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    const origin = new URL(stack.gatewayUrl).origin;
    // The schema comes from the gateway: GraphiQL's own introspection query is beyond the limits.
    const schema = (await (await fetch(`${origin}/graphiql/schema.json`)).json()) as {
      __schema?: { types: unknown[] };
    };
    expect(schema.__schema?.types.length).toBeGreaterThan(20);
    for (const asset of ['react.js', 'react-dom.js', 'graphiql.js', 'graphiql.css']) {
      const response = await fetch(`${origin}/graphiql/${asset}`);
      expect({ asset, status: response.status }).toEqual({ asset, status: 200 });
      expect((await response.text()).length).toBeGreaterThan(1_000);
    }
  });

  it('runs a persisted operation named by its hash, as APQ or documentId', async () => {
    expect(categories).toBeDefined();
    const byHash = await post(stack.gatewayUrl, {
      extensions: { persistedQuery: { version: 1, sha256Hash: categories?.id } },
    });
    expect(byHash.body.errors).toBeUndefined();
    expect(byHash.body.data).toHaveProperty('categories');
    const byId = await post(stack.gatewayUrl, { documentId: categories?.id });
    expect(byId.body.data).toEqual(byHash.body.data);
  });

  it('accepts only manifest documents when TRUSTED_DOCUMENTS_ONLY=true', async () => {
    const other = await post(trustedOnlyUrl, { query: '{ categories { id } }' });
    expect(other.status).toBe(400);
    expect(other.body.errors?.map((error) => error.extensions?.code)).toEqual([
      'TRUSTED_DOCUMENT_REQUIRED',
    ]);
    const unknown = await post(trustedOnlyUrl, { documentId: 'f'.repeat(64) });
    expect(unknown.body.errors?.map((error) => error.extensions?.code)).toEqual([
      'PERSISTED_QUERY_NOT_FOUND',
    ]);
    const viaGet = await fetch(
      `${trustedOnlyUrl}?query=${encodeURIComponent('{ categories { id } }')}`,
    );
    expect(viaGet.status).toBe(400);
    const trusted = await post(trustedOnlyUrl, { documentId: categories?.id });
    expect(trusted.body.errors).toBeUndefined();
    const sameText = await graphql(trustedOnlyUrl, String(categories?.body));
    expect(errorCodes(sameText)).toEqual([]);
  });
});

describe('the developer face in production', () => {
  let gateway: Gateway;
  let url: string;

  beforeAll(async () => {
    const secret = (label: string) => `${label}-${randomBytes(24).toString('hex')}`;
    gateway = createGateway(
      loadGatewayConfig({
        ...process.env,
        NODE_ENV: 'production',
        GATEWAY_SIGNING_SECRET: secret('signing'),
        ACCESS_TOKEN_SECRET: secret('access'),
      }),
    );
    url = (await gateway.http.listen(0)).url;
  });
  afterAll(() => gateway.stop());

  it('has no GraphiQL: no page at /graphql and no assets', async () => {
    const page = await html(url);
    expect(page.headers.get('content-type')).not.toMatch(/html/);
    expect(await page.text()).not.toContain('graphiql');
    expect((await fetch(`${new URL(url).origin}/graphiql/graphiql.js`)).status).toBe(404);
  });
});
