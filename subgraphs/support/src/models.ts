import type { Connection } from 'mongoose';
import { inquiryModel } from './inquiry/inquiry.model';

/** The support subgraph's collections: customer inquiries. */
export function supportModels(connection: Connection) {
  return { inquiries: inquiryModel(connection) };
}

export type SupportModels = ReturnType<typeof supportModels>;
