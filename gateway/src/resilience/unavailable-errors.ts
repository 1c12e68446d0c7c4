import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type SelectionSetNode,
} from 'graphql';

/** Entities of one fetch beyond this get no error of their own; the first ones say it all. */
const MAX_ERRORS = 50;

/**
 * The errors a fetch to an unavailable subgraph answers with: SERVICE_UNAVAILABLE for each
 * field the fetch was to fill, at the subgraph path the gateway maps to the client's path
 * (`products`, or `_entities.0.inquiries` which becomes `me.inquiries`), so the rest of the
 * response keeps its data.
 */
export function unavailableErrors(
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  message: string,
): GraphQLFormattedError[] {
  const error = (path: Array<string | number>): GraphQLFormattedError => ({
    message,
    path,
    extensions: { code: 'SERVICE_UNAVAILABLE' },
  });
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operationSelection: SelectionSetNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION)
      operationSelection ??= definition.selectionSet;
  }
  if (!operationSelection) return [error([])];
  const roots = fields(operationSelection, fragments);
  const entities = roots.get('_entities');
  if (roots.size !== 1 || !entities) return [...roots.keys()].map((name) => error([name]));
  const representations = variables?.['representations'];
  const count = Array.isArray(representations) ? representations.length : 1;
  const names = [...fields(entities, fragments).keys()];
  const errors: GraphQLFormattedError[] = [];
  for (let index = 0; index < count && errors.length < MAX_ERRORS; index += 1) {
    for (const name of names) errors.push(error(['_entities', index, name]));
  }
  return errors.slice(0, MAX_ERRORS);
}

/** Response names of the fields of a selection set (through fragments) and their selections. */
function fields(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): Map<string, SelectionSetNode | undefined> {
  const found = new Map<string, SelectionSetNode | undefined>();
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.alias?.value ?? selection.name.value;
      if (name !== '__typename') found.set(name, selection.selectionSet);
      continue;
    }
    let nested: SelectionSetNode | undefined;
    if (selection.kind === Kind.INLINE_FRAGMENT) nested = selection.selectionSet;
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      nested = fragments.get(selection.name.value)?.selectionSet;
    }
    if (nested) for (const [name, set] of fields(nested, fragments, seen)) found.set(name, set);
  }
  return found;
}
