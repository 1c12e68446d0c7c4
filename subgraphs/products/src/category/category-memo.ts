import type { CategoryDocument } from './category.model';

/** How long a category read from MongoDB is served from memory. */
const MEMO_MS = 60_000;

/**
 * Categories by id, remembered for a minute per process. Categories are written only by the
 * seed (there is no category mutation), and nearly every product response names one, so a
 * query per request for them was pure overhead; an unknown id still goes to MongoDB.
 */
export class CategoryMemo {
  private readonly known = new Map<string, { category: CategoryDocument; until: number }>();

  get(id: string): CategoryDocument | undefined {
    const entry = this.known.get(id);
    if (!entry || entry.until < Date.now()) return undefined;
    return entry.category;
  }

  remember(categories: CategoryDocument[]): void {
    const until = Date.now() + MEMO_MS;
    for (const category of categories) {
      this.known.set(category._id.toHexString(), { category, until });
    }
  }
}
