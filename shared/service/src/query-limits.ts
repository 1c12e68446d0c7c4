import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

export interface QueryLimits {
  /** @defaultValue 12 */
  maxDepth: number;
  /** @defaultValue 30 */
  maxAliases: number;
}

/**
 * Rejects documents nested deeper than `maxDepth` or using more than `maxAliases` aliases, before
 * any resolver runs, so one request cannot fan out into thousands of subgraph calls.
 */
export function queryLimitsRule(limits: QueryLimits) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map(
      context
        .getDocument()
        .definitions.flatMap((definition) =>
          definition.kind === Kind.FRAGMENT_DEFINITION
            ? [[definition.name.value, definition] as const]
            : [],
        ),
    );
    const measure = (
      selectionSet: SelectionSetNode,
      depth: number,
      seen: Set<string>,
    ): { depth: number; aliases: number } => {
      let maxDepth = depth;
      let aliases = 0;
      for (const selection of selectionSet.selections) {
        let nested: SelectionSetNode | undefined;
        let nextDepth = depth;
        let nextSeen = seen;
        if (selection.kind === Kind.FIELD) {
          if (selection.alias) aliases += 1;
          nested = selection.selectionSet;
          nextDepth = depth + 1;
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          nested = selection.selectionSet;
        } else {
          const name = selection.name.value;
          if (seen.has(name)) continue; // cycles are reported by GraphQL's own NoFragmentCycles rule
          nested = fragments.get(name)?.selectionSet;
          nextSeen = new Set(seen).add(name);
        }
        if (!nested) {
          maxDepth = Math.max(maxDepth, nextDepth);
          continue;
        }
        const inner = measure(nested, nextDepth, nextSeen);
        maxDepth = Math.max(maxDepth, inner.depth);
        aliases += inner.aliases;
      }
      return { depth: maxDepth, aliases };
    };
    return {
      OperationDefinition(operation) {
        const { depth, aliases } = measure(operation.selectionSet, 0, new Set());
        if (depth > limits.maxDepth) {
          context.reportError(
            new GraphQLError(`Query depth ${depth} exceeds the limit of ${limits.maxDepth}`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
            }),
          );
        }
        if (aliases > limits.maxAliases) {
          context.reportError(
            new GraphQLError(
              `Query uses ${aliases} aliases, more than the limit of ${limits.maxAliases}`,
              {
                extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
              },
            ),
          );
        }
      },
    };
  };
}
