import {
  USERS_INTERNAL,
  userContactsRequest,
  type UserContact,
  type UserContactsResponse,
} from '@shop/contracts';
import { parseInput } from '@shop/errors';
import type { InternalRoute } from '@shop/service';
import { createUserLoaders } from './user.loaders';
import type { UserDocument, UserModel } from './user.model';

const MAX_BY_ROLE = 100;

function contactOf(user: UserDocument): UserContact {
  return {
    id: user._id.toHexString(),
    email: user.email,
    name: user.name,
    phone: user.phone ?? null,
    locale: user.locale ?? 'ko',
    roles: user.roles,
    status: user.status,
    emailVerified: user.emailVerified,
  };
}

/** Internal operations of the users subgraph: how other services reach a person. */
export function userInternalRoutes(users: UserModel): InternalRoute[] {
  return [
    {
      path: USERS_INTERNAL.contacts,
      callers: ['orders', 'support', 'workers'],
      async handle(body): Promise<UserContactsResponse> {
        const request = parseInput(userContactsRequest, body);
        if ('role' in request) {
          const found = await users
            .find({ roles: request.role, status: 'ACTIVE' }, { outbox: 0 })
            .sort({ _id: 1 })
            .limit(MAX_BY_ROLE)
            .lean<UserDocument[]>();
          return { users: found.map(contactOf) };
        }
        const found = await createUserLoaders(users).userById.loadMany(request.ids);
        return {
          users: found.map((user) => (user && !(user instanceof Error) ? contactOf(user) : null)),
        };
      },
    },
  ];
}
