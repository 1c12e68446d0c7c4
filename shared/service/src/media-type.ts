const JSON_TYPE = 'application/json';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json';

interface Priority {
  q: number;
  specificity: number;
  order: number;
}

/** How well `range` (`type/subtype;q=…`) accepts `type`, or null when it does not. */
function match(range: string, order: number, type: string): Priority | null {
  const [mediaRange = '', ...parameters] = range.split(';').map((part) => part.trim());
  const qParameter = parameters.find((parameter) => /^q=/i.test(parameter));
  const q = qParameter ? Number(qParameter.slice(2)) : 1;
  const [main, sub] = mediaRange.toLowerCase().split('/');
  const [typeMain, typeSub] = type.split('/');
  if (main === typeMain && sub === typeSub) return { q, specificity: 2, order };
  if (main === typeMain && sub === '*') return { q, specificity: 1, order };
  if (main === '*' && sub === '*') return { q, specificity: 0, order };
  return null;
}

function priority(ranges: string[], type: string): Priority | null {
  let best: Priority | null = null;
  for (const [order, range] of ranges.entries()) {
    const candidate = match(range, order, type);
    if (!candidate) continue;
    const moreSpecific = !best || candidate.specificity > best.specificity;
    if (moreSpecific || (candidate.specificity === best?.specificity && candidate.q > best.q))
      best = candidate;
  }
  return best;
}

/**
 * True when the `Accept` header prefers `application/graphql-response+json` to
 * `application/json`, negotiated as Apollo Server does (quality, then specificity, then the
 * order in the header, then JSON first): only then may a request error answer 4xx.
 */
export function prefersGraphQLResponseJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const ranges = accept.split(',');
  const json = priority(ranges, JSON_TYPE);
  const graphql = priority(ranges, GRAPHQL_RESPONSE_TYPE);
  if (!graphql || graphql.q <= 0) return false;
  if (!json || json.q <= 0) return true;
  if (graphql.q !== json.q) return graphql.q > json.q;
  if (graphql.specificity !== json.specificity) return graphql.specificity > json.specificity;
  return graphql.order < json.order;
}
