import type { MutationResolvers } from '../__generated__/resolvers-types';

export const Mutation: MutationResolvers = {
  register: (_parent, { input }, { registration }) => registration.register(input),
  login: (_parent, { email, password }, { auth, client }) => auth.login(email, password, client),
  refreshSession: (_parent, { refreshToken }, { auth }) => auth.refreshSession(refreshToken),
  logout: (_parent, _args, { auth, identity }) => auth.logout(identity),
  verifyEmail: async (_parent, { token }, { registration, users }) =>
    users.asSelf(await registration.verifyEmail(token)),
  resendVerificationEmail: (_parent, _args, { registration, identity }) =>
    registration.resendVerificationEmail(identity),
  requestPasswordReset: (_parent, { email }, { passwordReset }) =>
    passwordReset.requestPasswordReset(email),
  resetPassword: (_parent, { token, newPassword }, { passwordReset }) =>
    passwordReset.resetPassword(token, newPassword),
  setUserRoles: (_parent, { userId, roles }, { users, identity }) =>
    users.setUserRoles(identity, userId, roles),
  setAccountStatus: (_parent, { userId, status }, { users, identity }) =>
    users.setAccountStatus(identity, userId, status),
};
