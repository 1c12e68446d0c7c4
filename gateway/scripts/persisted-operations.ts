/**
 * Writes `persisted-operations.json` (Apollo's persisted-query manifest format) from the
 * operations in `operations/*.graphql`; `--check` fails when the committed file is stale. Both
 * refuse an operation the supergraph's public schema does not validate: a schema change that
 * breaks a trusted document must fail CI, not a storefront in production.
 *
 *   npx tsx scripts/persisted-operations.ts [--check]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { Kind, parse, print, validate } from 'graphql';
import { sha256 } from '../src/documents/trusted-documents';

const root = join(__dirname, '..');
const manifestPath = join(root, 'persisted-operations.json');
const folder = join(root, 'operations');

const operations = readdirSync(folder)
  .filter((file) => file.endsWith('.graphql'))
  .sort()
  .flatMap((file) => parse(readFileSync(join(folder, file), 'utf8')).definitions)
  .flatMap((definition) => {
    if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name) return [];
    const body = print(definition);
    return [{ id: sha256(body), name: definition.name.value, type: definition.operation, body }];
  });
const apiSchema = Supergraph.build(readFileSync(join(root, 'supergraph.graphql'), 'utf8'))
  .apiSchema()
  .toGraphQLJSSchema();
const invalid = operations.flatMap(({ name, body }) =>
  validate(apiSchema, parse(body)).map((error) => `  - ${name}: ${error.message}`),
);
if (invalid.length) {
  console.error(`operations the supergraph does not validate:\n${invalid.join('\n')}`);
  process.exit(1);
}

const text = `${JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations }, null, 2)}\n`;

if (process.argv.includes('--check')) {
  if (readFileSync(manifestPath, 'utf8') !== text) {
    console.error('persisted-operations.json is stale: run npm run persisted-operations');
    process.exit(1);
  }
} else {
  writeFileSync(manifestPath, text);
  console.log(`${operations.length} operations written to persisted-operations.json`);
}
