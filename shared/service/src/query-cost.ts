import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** How a selection is priced; see `docs/gateway.md`. */
export interface CostModel {
  /** Size assumed for a list of objects that takes no `first`/`last`/`limit`. */
  defaultListSize: number;
  /**
   * Extra cost of each resolution of a field that takes `first`, `last` or `limit`: such a
   * field runs a query of its own every time it is resolved, so nesting it in a list is N+1.
   */
  listFetchCost: number;
}

const SIZE_ARGUMENTS = new Set(['first', 'last', 'limit']);
/** What a fragment costs under a connection (its lists are sized by it) and elsewhere. */
type Scope = 'connection' | 'plain';

/**
 * The estimated cost of running `operation`: every field of the operation with its fragments
 * expanded costs 1 each time it is resolved, a list multiplies what is under it by its size
 * (the `first`/`last`/`limit` argument, from a variable or the schema default when absent), a
 * field taking such an argument costs `listFetchCost` more per resolution, and `_entities`
 * multiplies by the number of representations. One pass: each fragment is priced once per
 * scope and reused at every spread; a fragment cycle costs Infinity.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  model: CostModel,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  const variableValues = withDefaults(operation, variables);
  const memo = new Map<string, number>();
  const inProgress = new Set<string>();

  const selectionSetCost = (
    selectionSet: SelectionSetNode,
    parent: GraphQLCompositeType,
    scope: Scope,
    connectionSize: number,
  ): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection, parent, scope, connectionSize);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parent;
        if (isCompositeType(type))
          total += selectionSetCost(selection.selectionSet, type, scope, connectionSize);
      } else {
        total += spreadCost(selection.name.value, scope, connectionSize);
      }
    }
    return total;
  };

  const spreadCost = (name: string, scope: Scope, connectionSize: number): number => {
    const key = scope === 'connection' ? `${connectionSize}:${name}` : name;
    const known = memo.get(key);
    if (known !== undefined) return known;
    if (inProgress.has(key)) return Infinity;
    const fragment = fragments.get(name);
    const type = fragment && schema.getType(fragment.typeCondition.name.value);
    if (!fragment || !isCompositeType(type)) return 0;
    inProgress.add(key);
    const cost = selectionSetCost(fragment.selectionSet, type, scope, connectionSize);
    inProgress.delete(key);
    memo.set(key, cost);
    return cost;
  };

  const fieldCost = (
    node: FieldNode,
    parent: GraphQLCompositeType,
    scope: Scope,
    connectionSize: number,
  ): number => {
    const definition = fieldDefinition(schema, parent, node.name.value);
    const type = definition && getNamedType(definition.type);
    if (!definition || !node.selectionSet || !isCompositeType(type)) return 1;
    const isList = isListType(getNullableType(definition.type));
    const size = sizeArgument(definition, node, variableValues);
    let multiplier = 1;
    if (node.name.value === '_entities') multiplier = representations(node, variableValues);
    else if (isList)
      multiplier = size ?? (scope === 'connection' ? connectionSize : model.defaultListSize);
    const fetch = size === undefined ? 0 : model.listFetchCost;
    // A sized field that is not a list (a connection) sizes the lists directly under it.
    const connection = size !== undefined && !isList;
    const inner = connection
      ? selectionSetCost(node.selectionSet, type, 'connection', size)
      : selectionSetCost(node.selectionSet, type, 'plain', 1);
    // At least 1, so that `first: 0` cannot hide a large selection from the limit.
    return 1 + fetch + Math.max(1, multiplier) * inner;
  };

  const root = rootType(schema, operation);
  return root ? selectionSetCost(operation.selectionSet, root, 'plain', 1) : 0;
}

function rootType(schema: GraphQLSchema, operation: OperationDefinitionNode) {
  if (operation.operation === 'mutation') return schema.getMutationType();
  if (operation.operation === 'subscription') return schema.getSubscriptionType();
  return schema.getQueryType();
}

function fieldDefinition(
  schema: GraphQLSchema,
  parent: GraphQLCompositeType,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (name === '__typename') return TypeNameMetaFieldDef;
  if (parent === schema.getQueryType()) {
    if (name === '__schema') return SchemaMetaFieldDef;
    if (name === '__type') return TypeMetaFieldDef;
  }
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

/** The value of the field's `first`/`last`/`limit` argument, or undefined when it has none. */
function sizeArgument(
  definition: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Record<string, unknown>,
): number | undefined {
  const argument = definition.args.find((candidate) => SIZE_ARGUMENTS.has(candidate.name));
  if (!argument) return undefined;
  const given = node.arguments?.find((candidate) => candidate.name.value === argument.name);
  const value = given ? literal(given.value, variables) : argument.defaultValue;
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : 0;
}

function representations(node: FieldNode, variables: Record<string, unknown>): number {
  const given = node.arguments?.find((argument) => argument.name.value === 'representations');
  if (!given) return 0;
  if (given.value.kind === Kind.LIST) return given.value.values.length;
  const value = literal(given.value, variables);
  return Array.isArray(value) ? value.length : 0;
}

function literal(value: ValueNode, variables: Record<string, unknown>): unknown {
  if (value.kind === Kind.VARIABLE) return variables[value.name.value];
  if (value.kind === Kind.INT) return Number(value.value);
  return undefined;
}

/** The request's variables, with the operation's own defaults for those it left out. */
function withDefaults(
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (name in variables) values[name] = variables[name];
    else if (definition.defaultValue) values[name] = valueFromASTUntyped(definition.defaultValue);
  }
  return values;
}
