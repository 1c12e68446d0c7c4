import { USERS_INTERNAL, userContactsResponse, type UserContact } from '@shop/contracts';
import type { InternalClient } from '@shop/service';

/** The users subgraph's contacts API: how to reach a buyer, copied onto the order. */
export class UsersClient {
  constructor(private readonly client: InternalClient) {}

  /** The user's contact details, or null when the users service does not know the id. */
  async contact(userId: string): Promise<UserContact | null> {
    const answer = await this.client.post(USERS_INTERNAL.contacts, { ids: [userId] });
    return userContactsResponse.parse(answer).users[0] ?? null;
  }
}
