import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { bodyErrorAnswer, withTimeout } from '@shop/service';
import type { GatewayContext } from '../context';

/** An HTTP answer as the leader sent it. */
interface Answer {
  status: number;
  contentType: string;
  body: string | Buffer;
  /** The body as text, made by the first follower: headers and body then go out in one write. */
  text?: { body: string; length: number };
}

/**
 * The first of identical anonymous requests in flight. Its answer is handed to the others only
 * once Apollo has said the operation is a public one (see {@link AnonymousAnswers.plugin}):
 * an anonymous query that passed parsing, validation and every limit. Anything else (a
 * mutation, a refused document, a streamed answer) settles with null and each follower runs
 * itself.
 */
export class AnswerLeader {
  private isPublic = false;
  private settle!: (answer: Answer | null) => void;
  readonly answer = new Promise<Answer | null>((resolve) => (this.settle = resolve));

  /** Called by the plugin when the operation turned out to be an anonymous query. */
  markPublic(): void {
    this.isPublic = true;
  }

  finish(answer: Answer | null): void {
    this.settle(this.isPublic ? answer : null);
  }
}

/** Where the leader waits for the request context: Express keeps `res.locals` per request. */
type WithLocals = ServerResponse & { locals?: Record<string, unknown> };
const LEADER = 'answerLeader';

/**
 * Identical anonymous GraphQL requests in flight at the same moment run once, and the others
 * are answered with the first one's bytes before Express sees them: no routing, parsing,
 * planning, execution or serialising for them. Only requests without `Authorization` share,
 * so the shared answer is public: the gateway reads identity from that header alone, and
 * subgraphs answer anonymous queries the same for every caller. The key is the URL, the
 * `Accept` header (which picks the response's media type) and the body's exact text
 * (document, operation name, variables, extensions). Each follower keeps its own request id
 * and waits at most its own request timeout, then runs itself. Nothing is kept once the
 * leader answered: this is not a cache.
 */
export class AnonymousAnswers {
  private readonly running = new Map<string, AnswerLeader>();
  private joinedCount = 0;

  constructor(
    private readonly options: {
      timeoutMs: number;
      /** Bodies above this many bytes are left to the body parser, which refuses them. */
      bodyLimit: number;
      /** The request id a shared answer carries: the caller's own. */
      requestIdOf: (req: IncomingMessage) => string;
      onShared?: () => void;
    },
  ) {}

  /** Requests answered with another one's bytes. */
  get joined(): number {
    return this.joinedCount;
  }

  /** The leader this response belongs to, for the request context. */
  static leaderOf(res: WithLocals | undefined): AnswerLeader | undefined {
    return res?.locals?.[LEADER] as AnswerLeader | undefined;
  }

  /**
   * For the HTTP server, ahead of Express. It reads the JSON body itself only for requests
   * that may share (see {@link mayShare}) and leaves it parsed on `req.body`, where Express's
   * body parser finds the request already read and keeps it.
   */
  intercept(req: IncomingMessage, res: ServerResponse, pass: () => void): void {
    if (!mayShare(req, this.options.bodyLimit)) {
      pass();
      return;
    }
    this.share(req, res).then(
      (answered) => answered || pass(),
      (error: unknown) => answerError(res, error),
    );
  }

  /**
   * Marks the leader's operation public once Apollo resolved it to an anonymous query that
   * passed every check (`responseForOperation` runs after all `didResolveOperation` hooks,
   * where the limits refuse documents).
   */
  plugin(): ApolloServerPlugin<GatewayContext> {
    return {
      async requestDidStart() {
        return {
          async responseForOperation({ operation, contextValue }) {
            const anonymousQuery =
              !contextValue.identity && !contextValue.warmup && operation.operation === 'query';
            if (anonymousQuery) contextValue.answerLeader?.markPublic();
            return null;
          },
        };
      },
    };
  }

  /** True when the request was answered; false when Express must take it on. */
  private async share(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const text = await readBody(req);
    const key = `${req.url}\n${req.headers.accept ?? ''}\n${text}`;
    const leader = this.running.get(key);
    // A follower's text is its leader's, so it parses alike: only its own run needs the parse.
    if (leader && (await this.follow(req, res, leader))) return true;
    (req as IncomingMessage & { body?: unknown }).body = parseLikeBodyParser(text);
    if (!leader) this.lead(key, res);
    return false;
  }

  private lead(key: string, res: WithLocals) {
    const leader = new AnswerLeader();
    this.running.set(key, leader);
    res.locals = { [LEADER]: leader };
    const finish = (answer: Answer | null) => {
      if (this.running.get(key) === leader) this.running.delete(key);
      leader.finish(answer);
    };
    // Express's `send` ends with one `end(body)`; a body written in parts is streamed and not shared.
    let streamed = false;
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.write = ((...args: unknown[]) => {
      streamed = true;
      return write(...args);
    }) as ServerResponse['write'];
    res.end = ((...args: unknown[]) => {
      const [chunk] = args;
      const whole = !streamed && (typeof chunk === 'string' || Buffer.isBuffer(chunk));
      finish(whole ? answerOf(res, chunk) : null);
      return end(...args);
    }) as ServerResponse['end'];
    res.once('close', () => finish(null));
  }

  /** Answers with the leader's bytes; false when the caller must run the request itself. */
  private async follow(
    req: IncomingMessage,
    res: ServerResponse,
    leader: AnswerLeader,
  ): Promise<boolean> {
    const answer = await withTimeout(leader.answer, this.options.timeoutMs, null);
    if (!answer) return false;
    this.joinedCount += 1;
    this.options.onShared?.();
    answer.text ??= textOf(answer.body);
    res.writeHead(answer.status, {
      'content-type': answer.contentType,
      'content-length': answer.text.length,
      'x-request-id': this.options.requestIdOf(req),
    });
    res.end(answer.text.body);
    return true;
  }
}

/** Kept as sent: most leaders have no follower, and converting is for those that do. */
function answerOf(res: ServerResponse, chunk: string | Buffer): Answer {
  return {
    status: res.statusCode,
    contentType: String(res.getHeader('content-type') ?? 'application/json'),
    body: chunk,
  };
}

function textOf(body: string | Buffer): { body: string; length: number } {
  if (typeof body === 'string') return { body, length: Buffer.byteLength(body) };
  return { body: body.toString('utf8'), length: body.length };
}

/**
 * Anonymous POSTs to `/graphql` with a plain UTF-8 JSON body of declared length within the
 * limit. Anything else (compressed, chunked, other media types, oversized) goes to Express
 * untouched and is answered on its own.
 */
function mayShare(req: IncomingMessage, limit: number): boolean {
  if (req.method !== 'POST' || req.url !== '/graphql') return false;
  const { headers } = req;
  if (headers.authorization !== undefined || headers['content-encoding'] !== undefined)
    return false;
  const length = Number(headers['content-length']);
  if (!Number.isInteger(length) || length > limit) return false;
  return JSON_UTF8.test(headers['content-type'] ?? '');
}

const JSON_UTF8 = /^application\/json\s*(;\s*charset=utf-8\s*)?$/i;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', () => reject(bodyError('request.aborted')));
  });
}

/**
 * The body parser's strict JSON: empty is `{}`, anything but an object or array is refused.
 * Failures carry the body parser's error type, so they are worded as Express words them.
 */
function parseLikeBodyParser(text: string): unknown {
  const first = text.trimStart()[0];
  if (first === undefined) return {};
  if (first !== '{' && first !== '[') throw bodyError('entity.parse.failed');
  try {
    return JSON.parse(text);
  } catch {
    throw bodyError('entity.parse.failed');
  }
}

function bodyError(type: string): Error {
  return Object.assign(new Error(type), { status: 400, type });
}

function answerError(res: ServerResponse, error: unknown) {
  if (res.headersSent || res.destroyed) return;
  const answer = bodyErrorAnswer(error);
  res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(answer.body);
}
