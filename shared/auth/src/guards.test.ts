import { requireOwnerOrStaff, requireRole, requireUser } from './guards';

const agent = { userId: 'u1', roles: ['AGENT' as const], sessionId: 's' };

describe('guards', () => {
  it('requireUser throws UNAUTHENTICATED for anonymous callers', () => {
    expect(() => requireUser(null)).toThrow(
      expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } }),
    );
    expect(requireUser(agent)).toBe(agent);
  });

  it('requireRole throws FORBIDDEN without any of the roles', () => {
    expect(() => requireRole(agent, 'ADMIN')).toThrow(
      expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }),
    );
    expect(requireRole(agent, 'ADMIN', 'AGENT')).toBe(agent);
    expect(() => requireRole(null, 'ADMIN')).toThrow(
      expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } }),
    );
  });
});

describe('requireOwnerOrStaff', () => {
  const owner = { userId: 'owner', roles: ['CUSTOMER' as const], sessionId: 's' };
  const stranger = { userId: 'other', roles: ['CUSTOMER' as const], sessionId: 's' };

  it('lets the owner and staff through, refuses others and anonymous callers', () => {
    expect(requireOwnerOrStaff(owner, 'owner')).toBe(owner);
    expect(requireOwnerOrStaff(agent, 'owner')).toBe(agent);
    expect(() => requireOwnerOrStaff(stranger, 'owner')).toThrow(
      expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }),
    );
    expect(() => requireOwnerOrStaff(null, 'owner')).toThrow(
      expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } }),
    );
  });
});
