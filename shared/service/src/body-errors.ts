import type { ErrorRequestHandler, RequestHandler } from 'express';

/** What a client is told about a body that could not be read; never the parser's own text. */
const MESSAGES: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON',
  'entity.too.large': 'The request body is too large',
  'charset.unsupported': 'The request body must be UTF-8 JSON',
  'encoding.unsupported': 'The request body uses an unsupported content encoding',
  'request.aborted': 'The request body was not received in full',
  'request.size.invalid': 'The request body does not match its Content-Length',
};

interface HttpError {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
}

/**
 * What a client is told about an error that reached the HTTP layer: its own status and a fixed
 * message for a client error (4xx), a bare 500 otherwise. `serverError` is false for the former.
 */
export function bodyErrorAnswer(error: unknown): {
  status: number;
  body: string;
  serverError: boolean;
} {
  const { status, statusCode, type } = (error ?? {}) as HttpError;
  const given = Number(status ?? statusCode);
  const clientError = Number.isInteger(given) && given >= 400 && given < 500;
  const message = clientError
    ? (MESSAGES[String(type)] ?? 'The request body could not be read')
    : 'Internal server error';
  return {
    status: clientError ? given : 500,
    serverError: !clientError,
    body: JSON.stringify({
      errors: [
        { message, extensions: { code: clientError ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } },
      ],
    }),
  };
}

/**
 * Answers every error that reaches Express (a body that is not JSON, a wrong charset, too large,
 * badly compressed, or anything else) with a GraphQL-shaped JSON error, without stack or path,
 * in every environment; Express's own handler would send an HTML page with the stack.
 */
export function jsonErrorHandler(onServerError: (error: unknown) => void): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const answer = bodyErrorAnswer(error);
    if (answer.serverError) onServerError(error);
    res.status(answer.status).type('application/json').send(answer.body);
  };
}

/** A JSON 404 for paths the service does not have. */
export const jsonNotFound: RequestHandler = (_req, res) => {
  res.status(404).json({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
};

/**
 * Express 5 leaves `req.body` unset when the content type is not JSON, and Apollo's middleware
 * then answers a plain-text 500; an empty body lets Apollo refuse the request properly (400).
 */
export const ensureBody: RequestHandler = (req, _res, next) => {
  req.body ??= {};
  next();
};
