import type { Connection } from 'mongoose';
import { loginAttemptModel } from './auth/login-attempt.model';
import { userModel } from './user/user.model';

/** The users subgraph's collections: accounts (with their outbox) and the login audit. */
export function usersModels(connection: Connection) {
  return { users: userModel(connection), loginAttempts: loginAttemptModel(connection) };
}

export type UsersModels = ReturnType<typeof usersModels>;
