import { buildSchema, parse, validate, specifiedRules } from 'graphql';
import { queryLimitsRule } from './query-limits';

const schema = buildSchema(`
  type Node { id: ID! child: Node }
  type Query { node: Node }
`);

function errors(query: string) {
  const rule = queryLimitsRule({ maxDepth: 4, maxAliases: 2 });
  return validate(schema, parse(query), [...specifiedRules, rule]).map((error) => error.message);
}

describe('queryLimitsRule', () => {
  it('accepts queries within the limits', () => {
    expect(errors('{ node { child { child { id } } } }')).toEqual([]);
    expect(errors('{ a: node { id } b: node { id } }')).toEqual([]);
  });

  it('counts depth through fragments and inline fragments', () => {
    expect(errors('{ node { child { child { child { id } } } } }')).toEqual([
      'Query depth 5 exceeds the limit of 4',
    ]);
    expect(
      errors(
        '{ node { ...F } } fragment F on Node { child { ... on Node { child { child { id } } } } }',
      ),
    ).toEqual(['Query depth 5 exceeds the limit of 4']);
  });

  it('counts aliases, including those inside fragments', () => {
    expect(errors('{ a: node { id } b: node { x: id } }')).toEqual([
      'Query uses 3 aliases, more than the limit of 2',
    ]);
  });
});
