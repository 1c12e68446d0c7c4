import { createTransport, type Transporter } from 'nodemailer';
import type { RenderedEmail } from '../templates/notification-templates';

/** Sends one rendered email. Implementations throw {@link PermanentDeliveryError} for input that can never be delivered. */
export interface EmailProvider {
  send(to: string, mail: RenderedEmail): Promise<void>;
  close(): void;
}

/** The provider refused the message for good (bad address, rejected recipient). */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}

export interface SmtpOptions {
  host: string;
  port: number;
  secure: boolean;
  user?: string | undefined;
  password?: string | undefined;
  from: string;
}

/** SMTP replies in the 5xx range are permanent; 4xx and connection errors are worth a retry. */
function isPermanentSmtpError(error: unknown): boolean {
  const responseCode = (error as { responseCode?: unknown } | null)?.responseCode;
  const code = (error as { code?: unknown } | null)?.code;
  return (typeof responseCode === 'number' && responseCode >= 500) || code === 'EENVELOPE';
}

/** Email through any SMTP server with nodemailer's SMTP transport, pooled. */
export class SmtpEmailProvider implements EmailProvider {
  private readonly transport: Transporter;

  constructor(private readonly options: SmtpOptions) {
    this.transport = createTransport({
      host: options.host,
      port: options.port,
      secure: options.secure,
      pool: true,
      maxConnections: 5,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      ...(options.user ? { auth: { user: options.user, pass: options.password ?? '' } } : {}),
    });
  }

  async send(to: string, mail: RenderedEmail): Promise<void> {
    try {
      await this.transport.sendMail({ from: this.options.from, to, ...mail });
    } catch (error) {
      if (isPermanentSmtpError(error)) throw new PermanentDeliveryError(String(error));
      throw error;
    }
  }

  close(): void {
    this.transport.close();
  }
}
