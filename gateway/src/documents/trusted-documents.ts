import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { RequestHandler } from 'express';
import { z } from 'zod';

/** Apollo's persisted-query manifest format, as `generate-persisted-query-manifest` writes it. */
const manifestSchema = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(
    z.object({
      id: z.string().regex(/^[0-9a-f]{64}$/),
      name: z.string(),
      type: z.enum(['query', 'mutation', 'subscription']),
      body: z.string(),
    }),
  ),
});

export type PersistedOperation = z.infer<typeof manifestSchema>['operations'][number];

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The operations a client may name by hash; each id is checked against its body on load. */
export class TrustedDocuments {
  private readonly byId = new Map<string, PersistedOperation>();

  constructor(readonly operations: PersistedOperation[]) {
    for (const operation of operations) {
      if (sha256(operation.body) !== operation.id) {
        throw new Error(`persisted operation ${operation.name}: id is not the SHA-256 of its body`);
      }
      this.byId.set(operation.id, operation);
    }
  }

  static load(path: string): TrustedDocuments {
    return new TrustedDocuments(
      manifestSchema.parse(JSON.parse(readFileSync(path, 'utf8'))).operations,
    );
  }

  body(id: string): string | undefined {
    return this.byId.get(id)?.body;
  }

  isTrusted(query: string): boolean {
    return this.byId.has(sha256(query));
  }
}

interface GraphqlBody {
  query?: unknown;
  documentId?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } } & Record<string, unknown>;
}

function refuse(res: Parameters<RequestHandler>[1], code: string, message: string) {
  res.status(400).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * Trusted documents on `POST /graphql`: a body may name a manifest operation by `documentId`
 * or by `extensions.persistedQuery.sha256Hash` instead of sending it; the gateway puts the
 * document in. With `only`, any other document is refused with TRUSTED_DOCUMENT_REQUIRED
 * (HTTP 400) before it is parsed, and so are GET requests carrying a document.
 */
export function trustedDocumentsMiddleware(
  documents: TrustedDocuments,
  only: boolean,
): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'POST') {
      if (only && req.query['query'] !== undefined) {
        refuse(res, 'TRUSTED_DOCUMENT_REQUIRED', 'Only trusted documents are accepted');
        return;
      }
      next();
      return;
    }
    const body = req.body as GraphqlBody;
    const hash = body.documentId ?? body.extensions?.persistedQuery?.sha256Hash;
    if (typeof hash === 'string') {
      const document = documents.body(hash.replace(/^sha256:/, ''));
      if (document !== undefined) {
        body.query = document;
        delete body.documentId;
        if (body.extensions) delete body.extensions.persistedQuery;
      } else if (only) {
        refuse(res, 'PERSISTED_QUERY_NOT_FOUND', 'No trusted document has this id');
        return;
      }
    } else if (only && (typeof body.query !== 'string' || !documents.isTrusted(body.query))) {
      refuse(res, 'TRUSTED_DOCUMENT_REQUIRED', 'Only trusted documents are accepted');
      return;
    }
    next();
  };
}
