/**
 * Korean public holidays of 2026 and 2027 on which parcels are not delivered, as KST calendar
 * days, substitute holidays included (대체공휴일: for Seollal and Chuseok when they meet a Sunday;
 * for Samiljeol, Children's Day, Liberation Day, National Foundation Day, Hangul Day, Buddha's
 * Birthday and Christmas when they fall on a weekend). Data, not rules: a new year is a new block.
 */
export const KOREAN_PUBLIC_HOLIDAYS: readonly string[] = [
  // 2026
  '2026-01-01', // 신정
  '2026-02-16', // 설날 연휴
  '2026-02-17', // 설날
  '2026-02-18', // 설날 연휴
  '2026-03-01', // 삼일절 (Sunday)
  '2026-03-02', // 삼일절 대체공휴일
  '2026-05-05', // 어린이날
  '2026-05-24', // 부처님오신날 (Sunday)
  '2026-05-25', // 부처님오신날 대체공휴일
  '2026-06-03', // 전국동시지방선거
  '2026-06-06', // 현충일
  '2026-08-15', // 광복절 (Saturday)
  '2026-08-17', // 광복절 대체공휴일
  '2026-09-24', // 추석 연휴
  '2026-09-25', // 추석
  '2026-09-26', // 추석 연휴
  '2026-10-03', // 개천절 (Saturday)
  '2026-10-05', // 개천절 대체공휴일
  '2026-10-09', // 한글날
  '2026-12-25', // 성탄절
  // 2027
  '2027-01-01', // 신정
  '2027-02-06', // 설날 연휴
  '2027-02-07', // 설날 (Sunday)
  '2027-02-08', // 설날 연휴
  '2027-02-09', // 설날 대체공휴일
  '2027-03-01', // 삼일절
  '2027-05-05', // 어린이날
  '2027-05-13', // 부처님오신날
  '2027-06-06', // 현충일 (Sunday, no substitute)
  '2027-08-15', // 광복절 (Sunday)
  '2027-08-16', // 광복절 대체공휴일
  '2027-09-14', // 추석 연휴
  '2027-09-15', // 추석
  '2027-09-16', // 추석 연휴
  '2027-10-03', // 개천절 (Sunday)
  '2027-10-04', // 개천절 대체공휴일
  '2027-10-09', // 한글날 (Saturday)
  '2027-10-11', // 한글날 대체공휴일
  '2027-12-25', // 성탄절 (Saturday)
  '2027-12-27', // 성탄절 대체공휴일
];
