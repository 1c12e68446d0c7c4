import { AppError, NotFoundError } from '@shop/errors';
import type { InquiryStatus } from './inquiry-vocabulary';

/** The action is not allowed in the inquiry's status (see `INQUIRY_TRANSITIONS`). */
export class InvalidStateTransitionError extends AppError {
  constructor(action: string, status: InquiryStatus, allowed: readonly InquiryStatus[]) {
    super(
      'INVALID_STATE_TRANSITION',
      `Cannot ${action} an inquiry that is ${status}` +
        (allowed.length ? ` (allowed when ${allowed.join(', ')})` : ''),
      { status },
    );
  }
}

/**
 * An inquiry that does not exist or that the caller may not see: the same answer for both, so
 * nobody learns that another customer's inquiry exists.
 */
export function inquiryNotFound(id: string): NotFoundError {
  return new NotFoundError('Inquiry', id);
}
