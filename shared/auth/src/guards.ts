import { ForbiddenError, UnauthenticatedError } from '@shop/errors';
import type { Identity, Role } from './identity';

/** Returns the caller's identity, or throws UNAUTHENTICATED for anonymous callers. */
export function requireUser(identity: Identity | null): Identity {
  if (!identity) throw new UnauthenticatedError();
  return identity;
}

/** Requires a signed-in caller holding at least one of `roles`; FORBIDDEN otherwise. */
export function requireRole(identity: Identity | null, ...roles: Role[]): Identity {
  const user = requireUser(identity);
  if (!roles.some((role) => user.roles.includes(role))) throw new ForbiddenError();
  return user;
}

export function hasRole(identity: Identity | null, ...roles: Role[]): boolean {
  return !!identity && roles.some((role) => identity.roles.includes(role));
}

/**
 * Requires the signed-in owner of a resource, or staff (AGENT, ADMIN) who work on behalf of
 * customers; FORBIDDEN for anyone else, UNAUTHENTICATED when anonymous.
 */
export function requireOwnerOrStaff(identity: Identity | null, ownerId: string): Identity {
  const user = requireUser(identity);
  if (user.userId !== ownerId && !hasRole(user, 'AGENT', 'ADMIN')) throw new ForbiddenError();
  return user;
}
