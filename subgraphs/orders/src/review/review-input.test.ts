import { reviewInput, stripHtml } from './review-input';

describe('review input', () => {
  it('strips markup, scripts included, and keeps the text', () => {
    expect(stripHtml('<p>좋아요 <b>정말</b></p><script>alert(1)</script>')).toBe('좋아요 정말');
    expect(stripHtml('a &lt; b &amp; c')).toBe('a < b & c');
  });

  it('refuses ratings outside 1–5 and bodies empty once stripped or longer than 2,000', () => {
    expect(reviewInput.safeParse({ rating: 0, body: 'x' }).success).toBe(false);
    expect(reviewInput.safeParse({ rating: 6, body: 'x' }).success).toBe(false);
    expect(reviewInput.safeParse({ rating: 4.5, body: 'x' }).success).toBe(false);
    expect(reviewInput.safeParse({ rating: 5, body: '<br/>  ' }).success).toBe(false);
    expect(reviewInput.safeParse({ rating: 5, body: 'x'.repeat(2_001) }).success).toBe(false);
    expect(reviewInput.parse({ rating: 5, body: `<i>${'x'.repeat(2_000)}</i>` }).body).toHaveLength(
      2_000,
    );
  });
});
