import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a receiver got: its path, headers (lower-case) and raw body, and when. */
export interface ReceivedWebhook {
  path: string;
  headers: Record<string, string>;
  body: string;
  at: number;
}

/**
 * How an endpoint answers its `n`th request (0-based): a status, optionally a Location, or
 * `hang` to never answer (the sender's timeout must cut it).
 */
export type EndpointScript = (n: number) => { status: number; location?: string } | 'hang';

/**
 * A local HTTP server playing partners' webhook endpoints: each path has its own script and
 * log, so one receiver can be many subscriptions.
 */
export class WebhookReceiver {
  private readonly scripts = new Map<string, EndpointScript>();
  private readonly log: ReceivedWebhook[] = [];
  private readonly hanging = new Set<ServerResponse>();

  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(): Promise<WebhookReceiver> {
    // The handler needs the receiver, which needs the server's port: bind it once both exist.
    const bound: { receiver?: WebhookReceiver } = {};
    const server = createServer((req, res) => bound.receiver?.handle(req, res));
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    bound.receiver = new WebhookReceiver(server, `http://127.0.0.1:${port}`);
    return bound.receiver;
  }

  /** A new endpoint URL answering per `script` (200 for every request by default). */
  endpoint(name: string, script: EndpointScript = () => ({ status: 200 })): string {
    this.scripts.set(`/${name}`, script);
    return `${this.origin}/${name}`;
  }

  /** What the endpoint received so far, in arrival order. */
  received(name: string): ReceivedWebhook[] {
    return this.log.filter((entry) => entry.path === `/${name}`);
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      const n = this.received(path.slice(1)).length;
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([key, value]) => [key, String(value)]),
      );
      this.log.push({
        path,
        headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      });
      const script: EndpointScript = this.scripts.get(path) ?? (() => ({ status: 404 }));
      const answer = script(n);
      if (answer === 'hang') {
        this.hanging.add(res);
        return;
      }
      res.writeHead(answer.status, answer.location ? { location: answer.location } : {}).end();
    });
  }
}
