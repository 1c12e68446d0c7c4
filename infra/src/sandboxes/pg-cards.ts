import { PG_TEST_CARDS } from '@shop/testing';
export type CardOutcome =
  | { kind: 'approve' }
  | { kind: 'approve-after-hang' }
  | { kind: 'decline'; code: 'REJECT_CARD_PAYMENT' | 'NOT_ENOUGH_BALANCE'; message: string };

export function cardOutcome(cardNumber: string): CardOutcome {
  switch (cardNumber) {
    case PG_TEST_CARDS.rejected:
      return {
        kind: 'decline',
        code: 'REJECT_CARD_PAYMENT',
        message: 'The card issuer rejected the payment',
      };
    case PG_TEST_CARDS.notEnoughBalance:
      return {
        kind: 'decline',
        code: 'NOT_ENOUGH_BALANCE',
        message: 'The card has not enough balance',
      };
    case PG_TEST_CARDS.approvesAfterHang:
      return { kind: 'approve-after-hang' };
    default:
      return { kind: 'approve' };
  }
}

export type CardCheck =
  | { ok: true; cardNumber: string }
  | {
      ok: false;
      code: 'INVALID_CARD_NUMBER' | 'INVALID_CARD_EXPIRATION' | 'INVALID_CVC';
      message: string;
    };

/**
 * Checks what a card network would before issuing a token: a Luhn-valid number of 13 to 19
 * digits (spaces and dashes allowed), an `MM/YY` expiry not in the past (a card is valid
 * through the last day of its month), and a 3-digit CVC.
 */
export function checkCard(
  input: { cardNumber?: unknown; expiry?: unknown; cvc?: unknown },
  now = new Date(),
): CardCheck {
  const cardNumber =
    typeof input.cardNumber === 'string' ? input.cardNumber.replace(/[\s-]/g, '') : '';
  if (!/^\d{13,19}$/.test(cardNumber) || !passesLuhn(cardNumber)) {
    return { ok: false, code: 'INVALID_CARD_NUMBER', message: 'The card number is not valid' };
  }
  const expiry =
    typeof input.expiry === 'string' ? /^(0[1-9]|1[0-2])\/(\d{2})$/.exec(input.expiry) : null;
  if (!expiry) {
    return { ok: false, code: 'INVALID_CARD_EXPIRATION', message: 'The expiry must be MM/YY' };
  }
  const firstDayAfterExpiry = Date.UTC(2000 + Number(expiry[2]), Number(expiry[1]), 1);
  if (firstDayAfterExpiry <= now.getTime()) {
    return { ok: false, code: 'INVALID_CARD_EXPIRATION', message: 'The card has expired' };
  }
  if (typeof input.cvc !== 'string' || !/^\d{3}$/.test(input.cvc)) {
    return { ok: false, code: 'INVALID_CVC', message: 'The CVC must be 3 digits' };
  }
  return { ok: true, cardNumber };
}

/** The Luhn checksum every card number carries, so typos are caught before a network call. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
