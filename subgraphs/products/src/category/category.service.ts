import type { CategoryDocument, CategoryModel } from './category.model';

export class CategoryService {
  constructor(private readonly categories: CategoryModel) {}

  /** Every category, alphabetically by slug. */
  async list(): Promise<CategoryDocument[]> {
    return this.categories.find().sort({ slug: 1 }).lean<CategoryDocument[]>();
  }
}
