import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ManifestOperation {
  name: string;
  body: string;
}

const manifest = JSON.parse(
  readFileSync(join(__dirname, '../../../gateway/persisted-operations.json'), 'utf8'),
) as { operations: ManifestOperation[] };

/** A storefront operation from the gateway's persisted-operation manifest, sent as text. */
export function operation(name: string): string {
  const found = manifest.operations.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no persisted operation ${name}`);
  return found.body;
}

/** The three queries of the table, as the storefront sends them. */
export const QUERIES = {
  /** `products(first: 20)` in a category. */
  Q1: operation('ProductList'),
  /** `myCart`: 10 lines, each with `relatedProducts(limit: 3)`. */
  Q2: operation('MyCart'),
  /** The deepest: users → orders, support, cart → products → related → categories. */
  Q3: operation('StorefrontHome'),
} as const;
