/**
 * Composes the five subgraph schemas into `gateway/supergraph.graphql` with Apollo's composition
 * library. `--check` composes without writing and fails when the committed file is stale, so CI
 * catches both a schema change that breaks composition and one that was not recomposed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SUBGRAPHS } from '../src/subgraphs';

const ROOT = resolve(__dirname, '../..');
const OUTPUT = join(ROOT, 'gateway/supergraph.graphql');

const result = composeServices(
  SUBGRAPHS.map(({ name, defaultUrl }) => ({
    name,
    url: defaultUrl,
    typeDefs: parse(readFileSync(join(ROOT, `subgraphs/${name}/src/schema.graphql`), 'utf8')),
  })),
);

if (result.errors) {
  console.error('Composition failed:');
  for (const error of result.errors) console.error(`  - ${error.message}`);
  process.exit(1);
}
for (const hint of result.hints ?? [])
  console.warn(`hint: ${hint.definition.code}: ${hint.message}`);

const supergraph = `${result.supergraphSdl.trimEnd()}\n`;
if (process.argv.includes('--check')) {
  const committed = readFileSync(OUTPUT, 'utf8');
  if (committed !== supergraph) {
    console.error(
      'gateway/supergraph.graphql is stale: run `npm run compose` and commit the result.',
    );
    process.exit(1);
  }
  console.log('supergraph.graphql is up to date');
} else {
  writeFileSync(OUTPUT, supergraph);
  console.log(`wrote ${OUTPUT}`);
}
