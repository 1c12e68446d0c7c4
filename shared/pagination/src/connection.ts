/** A page of a cursor connection, as GraphQL `…Connection` types expose it. */
export interface Connection<TNode> {
  edges: Array<{ cursor: string; node: TNode }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/**
 * Builds a page from `first + 1` rows: the extra row only says whether there is a next page,
 * so no second query is needed to know it.
 */
export function connectionOf<TNode>(
  rows: readonly TNode[],
  first: number,
  totalCount: number,
  cursorOf: (node: TNode) => string,
): Connection<TNode> {
  const edges = rows.slice(0, first).map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}
