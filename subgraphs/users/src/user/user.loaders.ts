import { createByIdLoader } from '@shop/mongo';
import type { UserDocument, UserModel } from './user.model';

export function createUserLoaders(users: UserModel) {
  return {
    userById: createByIdLoader((ids) => users.find({ _id: { $in: ids } }).lean<UserDocument[]>()),
  };
}

export type UserLoaders = ReturnType<typeof createUserLoaders>;
