import { BRANDS, CATEGORIES, COLORS, QUALITIES, type CategorySeed } from './catalog-vocabulary';

export interface GeneratedProduct {
  sku: string;
  categorySlug: string;
  name: string;
  nameEn: string;
  description: string;
  descriptionEn: string;
  price: { amount: number; currency: 'KRW' };
  images: string[];
  tags: string[];
  stock: { onHand: number; reserved: number; available: number };
  createdAt: Date;
}

/** mulberry32: a tiny seeded PRNG, so the same seed always yields the same catalog. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

/**
 * Units on hand: most products in stock, some low, some sold out; every status appears in any
 * catalog of ten products or more because the first ten cycle through the three.
 */
function stockFor(index: number, random: () => number): number {
  const bucket = index < 10 ? index % 3 : random() < 0.7 ? 0 : random() < 0.67 ? 1 : 2;
  if (bucket === 0) return 10 + Math.floor(random() * 190);
  if (bucket === 1) return 1 + Math.floor(random() * 9);
  return 0;
}

function stockOf(onHand: number) {
  return { onHand, reserved: 0, available: onHand };
}

/** Deterministically generates `count` products spread over the demo categories. */
export function generateCatalog(count: number, seed = 20261121): GeneratedProduct[] {
  const random = seededRandom(seed);
  const epoch = Date.UTC(2026, 0, 1);
  const products: GeneratedProduct[] = [];
  for (let index = 0; index < count; index += 1) {
    const category = CATEGORIES[index % CATEGORIES.length] as CategorySeed;
    const kind = pick(random, category.kinds);
    const brand = pick(random, BRANDS);
    const quality = pick(random, QUALITIES);
    const color = pick(random, COLORS);
    const model = `${String.fromCharCode(65 + Math.floor(random() * 26))}${100 + Math.floor(random() * 900)}`;
    const [low, high] = kind.price;
    const amount = Math.round((low + random() * (high - low)) / 100) * 100;
    const sku = `${category.slug.slice(0, 3).toUpperCase()}-${String(index + 1).padStart(6, '0')}`;
    products.push({
      sku,
      categorySlug: category.slug,
      name: `${brand} ${quality.ko} ${kind.ko} ${model} ${color.ko}`,
      nameEn: `${brand} ${quality.en} ${kind.en} ${model} ${color.en}`,
      description: `${brand}의 ${quality.ko} ${kind.ko}입니다. ${color.ko} 색상, 모델 ${model}. 매일 쓰기 좋은 ${category.ko} 제품으로 1년 품질 보증이 포함됩니다.`,
      descriptionEn: `The ${quality.en.toLowerCase()} ${kind.en.toLowerCase()} from ${brand}, model ${model} in ${color.en.toLowerCase()}. An everyday ${category.en.toLowerCase()} pick with a one-year warranty.`,
      price: { amount, currency: 'KRW' },
      images: [
        `/images/products/${sku.toLowerCase()}-1.jpg`,
        `/images/products/${sku.toLowerCase()}-2.jpg`,
      ],
      tags: [...new Set([...kind.tags, quality.tag, brand.toLowerCase()])],
      stock: stockOf(stockFor(index, random)),
      // Spread creation times over the year so "newest" sorting has something to sort.
      createdAt: new Date(epoch + index * 3_600_000),
    });
  }
  return products;
}
