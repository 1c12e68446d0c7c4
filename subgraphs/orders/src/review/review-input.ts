import { z } from 'zod';

/** Text of a body without its markup: tags removed, the common entities decoded, trimmed. */
export function stripHtml(value: string): string {
  return value
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

/** writeReview's input: a whole rating of 1–5 and 1–2,000 characters of text once stripped. */
export const reviewInput = z.object({
  rating: z.number().int('must be a whole number').min(1).max(5),
  body: z
    .string()
    .transform(stripHtml)
    .pipe(z.string().min(1, 'must have text').max(2_000, 'must be at most 2,000 characters')),
});
