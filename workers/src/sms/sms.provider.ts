import twilio from 'twilio';
import { PermanentDeliveryError } from '../email/email.provider';

/** Sends one text message. */
export interface SmsProvider {
  send(to: string, body: string): Promise<void>;
}

export interface TwilioOptions {
  accountSid: string;
  authToken: string;
  from: string;
  /** Replaces `https://api.twilio.com`, e.g. with the local SMS sink. */
  apiBaseUrl?: string | undefined;
}

const TWILIO_API = 'https://api.twilio.com';

type RequestOptions<TData> = Parameters<twilio.RequestClient['request']>[0] & { data?: TData };

/**
 * Twilio's own HTTP client with the API origin replaced, which is how twilio-node documents
 * custom HTTP clients: the real client builds and signs the request, only the host differs.
 */
class RedirectingRequestClient extends twilio.RequestClient {
  constructor(private readonly baseUrl: string) {
    super({ timeout: 15_000 });
  }

  override request<TData>(opts: RequestOptions<TData>) {
    const uri = opts.uri.startsWith(TWILIO_API)
      ? `${this.baseUrl.replace(/\/$/, '')}${opts.uri.slice(TWILIO_API.length)}`
      : opts.uri;
    return super.request<TData>({ ...opts, uri });
  }
}

/** Twilio errors about the message itself (bad or unreachable number); retrying cannot help. */
function isPermanentTwilioError(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 && status !== 429;
}

/** SMS through Twilio's Messages API with the official client. */
export class TwilioSmsProvider implements SmsProvider {
  private readonly client: twilio.Twilio;

  constructor(private readonly options: TwilioOptions) {
    this.client = twilio(options.accountSid, options.authToken, {
      ...(options.apiBaseUrl
        ? { httpClient: new RedirectingRequestClient(options.apiBaseUrl) }
        : {}),
    });
  }

  async send(to: string, body: string): Promise<void> {
    const sender = this.options.from.startsWith('MG')
      ? { messagingServiceSid: this.options.from }
      : { from: this.options.from };
    try {
      await this.client.messages.create({ to, body, ...sender });
    } catch (error) {
      if (isPermanentTwilioError(error)) throw new PermanentDeliveryError(String(error));
      throw error;
    }
  }
}
