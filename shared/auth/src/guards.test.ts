import { requireRole, requireUser } from './guards';

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
