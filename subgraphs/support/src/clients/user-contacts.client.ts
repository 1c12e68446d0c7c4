import {
  USERS_INTERNAL,
  userContactsResponse,
  type UserContact,
  type UserContactsRequest,
} from '@shop/contracts';
import type { InternalClient } from '@shop/service';

const MAX_IDS = 100;

/**
 * How to reach people, from the users subgraph's internal API: agents for assignments and
 * reminders, customers for replies and surveys, admins for escalations. Support keeps no copy
 * of names, addresses or phone numbers.
 */
export class UserContactsClient {
  constructor(private readonly client: InternalClient) {}

  /** Contacts of the given users, by id; unknown ids are absent from the map. */
  async byIds(ids: readonly string[]): Promise<Map<string, UserContact>> {
    const unique = [...new Set(ids)];
    const found = new Map<string, UserContact>();
    for (let start = 0; start < unique.length; start += MAX_IDS) {
      const users = await this.ask({ ids: unique.slice(start, start + MAX_IDS) });
      for (const user of users) if (user) found.set(user.id, user);
    }
    return found;
  }

  /** Active users holding `role`, oldest first (at most 100). */
  async byRole(role: 'ADMIN' | 'AGENT'): Promise<UserContact[]> {
    return (await this.ask({ role })).filter((user): user is UserContact => user !== null);
  }

  private async ask(request: UserContactsRequest): Promise<Array<UserContact | null>> {
    const response = await this.client.post<unknown>(USERS_INTERNAL.contacts, request);
    return userContactsResponse.parse(response).users;
  }
}
