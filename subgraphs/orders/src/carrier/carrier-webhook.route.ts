import { webhookRouter, type WebhookAnswer, type WebhookRequest } from '@shop/service';
import type { Logger } from '@shop/logger';
import { verifyCarrierRequest } from './carrier-signature';
import { carrierEventInput, type CarrierWebhookService } from './carrier-webhook.service';

const refused = (status: number, code: string, message: string): WebhookAnswer => ({
  status,
  body: { code, message },
});

/**
 * `POST /webhooks/carrier`: 401 for a missing or wrong signature, 400 for a stale timestamp or
 * a body that is not a carrier event, 404 for an unknown tracking number (recorded), else 200
 * with the outcome (APPLIED, LATE, DUPLICATE). Nothing changes before the request is verified.
 */
export function carrierWebhookRoute(
  service: CarrierWebhookService,
  secret: string,
  logger: Logger,
) {
  const handle = async ({ headers, body }: WebhookRequest): Promise<WebhookAnswer> => {
    const check = verifyCarrierRequest(
      secret,
      { timestamp: headers['x-carrier-timestamp'], signature: headers['x-carrier-signature'] },
      body,
    );
    if (!check.ok) return refused(check.status, check.code, 'The webhook could not be verified');
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      return refused(400, 'MALFORMED_BODY', 'The body is not JSON');
    }
    const event = carrierEventInput.safeParse(json);
    if (!event.success) return refused(400, 'MALFORMED_BODY', 'The body is not a carrier event');
    const outcome = await service.receive(event.data);
    if (outcome === 'UNKNOWN_TRACKING') {
      return refused(404, 'UNKNOWN_TRACKING_NUMBER', 'No parcel has this tracking number');
    }
    return { status: 200, body: { received: true, outcome } };
  };
  return { path: '/webhooks', router: webhookRouter('/carrier', handle, logger) };
}
