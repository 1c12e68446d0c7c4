import { z } from 'zod';
import { emailBase, smsBase } from './common';

/** Mail about the account itself: verification, welcome, password reset. */
export const accountEmails = [
  z.object({ ...emailBase, template: z.literal('verification'), verifyUrl: z.url() }),
  z.object({ ...emailBase, template: z.literal('welcome') }),
  z.object({ ...emailBase, template: z.literal('password-reset'), resetUrl: z.url() }),
] as const;

/** Text messages about the account. */
export const accountSms = [z.object({ ...smsBase, template: z.literal('welcome') })] as const;
