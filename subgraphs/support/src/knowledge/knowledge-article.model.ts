import { Schema, type Model, type Types } from 'mongoose';
import { defineModel } from '@shop/mongo';
import { INQUIRY_CATEGORIES, type InquiryCategory } from '../inquiry/inquiry-vocabulary';

/** A published resolution: what was asked, and how it was solved. */
export interface KnowledgeArticleDocument {
  _id: Types.ObjectId;
  /** The inquiry it came from; one article per inquiry. */
  inquiryId: string;
  title: string;
  body: string;
  category: InquiryCategory;
  /** Search terms of title and body (`articleTerms`), in the indexed array queries match. */
  terms: string[];
  /** Search terms of the title alone: a match there ranks higher. */
  titleTerms: string[];
  authorId: string;
  createdAt: Date;
  updatedAt: Date;
}

const articleSchema = new Schema<KnowledgeArticleDocument>(
  {
    inquiryId: { type: String, required: true },
    title: { type: String, required: true },
    body: { type: String, required: true },
    category: { type: String, enum: INQUIRY_CATEGORIES, required: true },
    terms: { type: [String], default: [] },
    titleTerms: { type: [String], default: [] },
    authorId: { type: String, required: true },
  },
  { collection: 'knowledge_articles', versionKey: false, timestamps: true },
);

export type KnowledgeArticleModel = Model<KnowledgeArticleDocument>;

export const knowledgeArticleModel = defineModel('KnowledgeArticle', articleSchema, [
  [{ inquiryId: 1 }, { unique: true }],
  [{ terms: 1 }],
  [{ category: 1, createdAt: -1 }],
]);
