import { articleTerms, bigrams, queryTerms, stem } from './knowledge-tokens';

const finds = (query: string, article: string) => {
  const terms = new Set(articleTerms(article));
  return queryTerms(query).filter((term) => terms.has(term)).length;
};

describe('knowledge search terms', () => {
  it('cuts Korean into bigrams so words are found inside compounds and before particles', () => {
    expect(bigrams('환불요청')).toEqual(['환불', '불요', '요청']);
    expect(finds('환불', '부분환불 요청은 마이페이지에서')).toBe(1);
    expect(finds('환불', '환불을 신청하려면')).toBe(1);
    expect(finds('배송지 변경', '배송지를 변경하는 방법')).toBe(3);
    expect(finds('교환', '환불 안내')).toBe(0);
  });

  it('stems English words and finds prefixes', () => {
    expect(stem('refunds')).toBe('refund');
    expect(stem('refunded')).toBe('refund');
    expect(stem('gas')).toBe('gas');
    expect(finds('refunds', 'We refunded the order')).toBe(1);
    expect(finds('refu', 'Refund policy')).toBe(1);
    expect(finds('charging', 'You will not be charged twice')).toBe(1);
    expect(finds('the delivery', 'Delivery takes two days')).toBe(1);
    expect(finds('cat', 'education')).toBe(0);
  });

  it('keeps each term once', () => {
    expect(queryTerms('환불 환불 refund refunds')).toEqual(['환불', 'refund']);
  });
});
