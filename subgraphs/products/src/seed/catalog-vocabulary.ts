/** Words the demo catalog is generated from: categories, product kinds, brands and qualities. */

export interface ProductKind {
  ko: string;
  en: string;
  tags: string[];
  /** Price range in KRW. */
  price: [number, number];
}

export interface CategorySeed {
  slug: string;
  ko: string;
  en: string;
  kinds: ProductKind[];
}

export const CATEGORIES: CategorySeed[] = [
  {
    slug: 'audio',
    ko: '오디오',
    en: 'Audio',
    kinds: [
      {
        ko: '무선 헤드폰',
        en: 'Wireless Headphones',
        tags: ['wireless', 'bluetooth', 'headphones'],
        price: [59_000, 459_000],
      },
      {
        ko: '블루투스 스피커',
        en: 'Bluetooth Speaker',
        tags: ['wireless', 'bluetooth', 'speaker'],
        price: [29_000, 329_000],
      },
      {
        ko: '노이즈 캔슬링 이어폰',
        en: 'Noise Cancelling Earbuds',
        tags: ['wireless', 'earbuds', 'anc'],
        price: [49_000, 359_000],
      },
      {
        ko: '사운드바',
        en: 'Soundbar',
        tags: ['speaker', 'home-theater'],
        price: [99_000, 890_000],
      },
    ],
  },
  {
    slug: 'computers',
    ko: '컴퓨터',
    en: 'Computers',
    kinds: [
      {
        ko: '기계식 키보드',
        en: 'Mechanical Keyboard',
        tags: ['keyboard', 'usb-c'],
        price: [49_000, 289_000],
      },
      {
        ko: '무선 마우스',
        en: 'Wireless Mouse',
        tags: ['wireless', 'mouse'],
        price: [15_000, 149_000],
      },
      {
        ko: '울트라북',
        en: 'Ultrabook Laptop',
        tags: ['laptop', 'usb-c'],
        price: [890_000, 2_890_000],
      },
      {
        ko: '4K 모니터',
        en: '4K Monitor',
        tags: ['monitor', 'usb-c'],
        price: [249_000, 1_290_000],
      },
    ],
  },
  {
    slug: 'shoes',
    ko: '신발',
    en: 'Shoes',
    kinds: [
      {
        ko: '러닝화',
        en: 'Running Shoes',
        tags: ['running', 'sports', 'shoes'],
        price: [59_000, 259_000],
      },
      {
        ko: '트레일 러닝화',
        en: 'Trail Running Shoes',
        tags: ['running', 'outdoor', 'shoes'],
        price: [89_000, 289_000],
      },
      {
        ko: '가죽 스니커즈',
        en: 'Leather Sneakers',
        tags: ['sneakers', 'shoes'],
        price: [69_000, 239_000],
      },
      {
        ko: '등산화',
        en: 'Hiking Boots',
        tags: ['hiking', 'outdoor', 'shoes'],
        price: [99_000, 349_000],
      },
    ],
  },
  {
    slug: 'apparel',
    ko: '의류',
    en: 'Apparel',
    kinds: [
      {
        ko: '기능성 티셔츠',
        en: 'Performance T-Shirt',
        tags: ['sports', 'tops'],
        price: [19_000, 69_000],
      },
      {
        ko: '경량 패딩 재킷',
        en: 'Lightweight Down Jacket',
        tags: ['outdoor', 'jacket', 'winter'],
        price: [89_000, 399_000],
      },
      {
        ko: '요가 레깅스',
        en: 'Yoga Leggings',
        tags: ['yoga', 'sports'],
        price: [29_000, 119_000],
      },
      {
        ko: '방수 레인코트',
        en: 'Waterproof Rain Coat',
        tags: ['outdoor', 'jacket', 'waterproof'],
        price: [59_000, 259_000],
      },
    ],
  },
  {
    slug: 'kitchen',
    ko: '주방',
    en: 'Kitchen',
    kinds: [
      {
        ko: '에어프라이어',
        en: 'Air Fryer',
        tags: ['appliance', 'cooking'],
        price: [69_000, 329_000],
      },
      {
        ko: '전기 주전자',
        en: 'Electric Kettle',
        tags: ['appliance', 'coffee'],
        price: [19_000, 129_000],
      },
      {
        ko: '핸드드립 커피 세트',
        en: 'Pour-Over Coffee Set',
        tags: ['coffee', 'brewing'],
        price: [25_000, 149_000],
      },
      {
        ko: '스테인리스 프라이팬',
        en: 'Stainless Steel Frying Pan',
        tags: ['cookware', 'cooking'],
        price: [29_000, 189_000],
      },
    ],
  },
  {
    slug: 'beauty',
    ko: '뷰티',
    en: 'Beauty',
    kinds: [
      {
        ko: '수분 크림',
        en: 'Moisturizing Cream',
        tags: ['skincare', 'moisturizer'],
        price: [12_000, 89_000],
      },
      {
        ko: '선크림 SPF50',
        en: 'Sunscreen SPF50',
        tags: ['skincare', 'sunscreen'],
        price: [9_000, 49_000],
      },
      {
        ko: '비타민C 세럼',
        en: 'Vitamin C Serum',
        tags: ['skincare', 'serum'],
        price: [15_000, 79_000],
      },
      {
        ko: '헤어 드라이어',
        en: 'Hair Dryer',
        tags: ['haircare', 'appliance'],
        price: [39_000, 549_000],
      },
    ],
  },
  {
    slug: 'home',
    ko: '홈·리빙',
    en: 'Home & Living',
    kinds: [
      {
        ko: '무드등',
        en: 'Ambient Mood Lamp',
        tags: ['lighting', 'bedroom'],
        price: [19_000, 129_000],
      },
      {
        ko: '메모리폼 베개',
        en: 'Memory Foam Pillow',
        tags: ['bedroom', 'sleep'],
        price: [29_000, 159_000],
      },
      {
        ko: '공기청정기',
        en: 'Air Purifier',
        tags: ['appliance', 'air'],
        price: [129_000, 890_000],
      },
      {
        ko: '로봇 청소기',
        en: 'Robot Vacuum Cleaner',
        tags: ['appliance', 'cleaning'],
        price: [199_000, 1_490_000],
      },
    ],
  },
  {
    slug: 'sports',
    ko: '스포츠·레저',
    en: 'Sports & Outdoors',
    kinds: [
      { ko: '요가 매트', en: 'Yoga Mat', tags: ['yoga', 'fitness'], price: [19_000, 99_000] },
      {
        ko: '캠핑 텐트',
        en: 'Camping Tent',
        tags: ['camping', 'outdoor'],
        price: [99_000, 790_000],
      },
      {
        ko: '덤벨 세트',
        en: 'Dumbbell Set',
        tags: ['fitness', 'strength'],
        price: [39_000, 390_000],
      },
      {
        ko: '자전거 헬멧',
        en: 'Cycling Helmet',
        tags: ['cycling', 'safety'],
        price: [39_000, 259_000],
      },
    ],
  },
  {
    slug: 'books',
    ko: '도서',
    en: 'Books',
    kinds: [
      { ko: '요리책', en: 'Cookbook', tags: ['book', 'cooking'], price: [15_000, 45_000] },
      { ko: '여행 에세이', en: 'Travel Essay', tags: ['book', 'travel'], price: [13_000, 25_000] },
      {
        ko: '프로그래밍 입문서',
        en: 'Programming Primer',
        tags: ['book', 'programming'],
        price: [22_000, 49_000],
      },
      { ko: '그림책', en: 'Picture Book', tags: ['book', 'kids'], price: [9_000, 28_000] },
    ],
  },
];

export const BRANDS = [
  'Aurora',
  'Nordlys',
  'Hanbit',
  'Solace',
  'Kestrel',
  'Mirae',
  'Tidewell',
  'Pinecrest',
  'Daon',
  'Veloce',
];

export const QUALITIES: Array<{ ko: string; en: string; tag: string }> = [
  { ko: '프리미엄', en: 'Premium', tag: 'premium' },
  { ko: '초경량', en: 'Ultralight', tag: 'lightweight' },
  { ko: '프로', en: 'Pro', tag: 'pro' },
  { ko: '에센셜', en: 'Essential', tag: 'essential' },
  { ko: '컴팩트', en: 'Compact', tag: 'compact' },
  { ko: '에코', en: 'Eco', tag: 'eco-friendly' },
];

export const COLORS: Array<{ ko: string; en: string }> = [
  { ko: '블랙', en: 'Black' },
  { ko: '화이트', en: 'White' },
  { ko: '네이비', en: 'Navy' },
  { ko: '그레이', en: 'Gray' },
  { ko: '샌드 베이지', en: 'Sand Beige' },
  { ko: '포레스트 그린', en: 'Forest Green' },
];
