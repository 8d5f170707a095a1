import { describe, expect, it } from 'vitest';
import type { Member } from '#shared/business.schema.js';
import { memberAccess } from './member-access.js';

const member = (userId: string, role: Member['role']): Member => ({
  user_id: userId,
  email: `${userId}@example.com`,
  name: userId,
  role,
  created_at: '2025-01-01T00:00:00.000Z',
});

describe('memberAccess', () => {
  it('lets an owner change and remove anyone else, and grant ownership', () => {
    const access = memberAccess('owner', 'me', member('other', 'owner'), 2);
    expect(access).toMatchObject({ canChangeRole: true, canRemove: true, canLeave: false });
    expect(access.assignableRoles).toContain('owner');
  });

  it('keeps admins away from owners and from granting ownership', () => {
    expect(memberAccess('admin', 'me', member('boss', 'owner'), 1).canChangeRole).toBe(false);
    const access = memberAccess('admin', 'me', member('other', 'editor'), 1);
    expect(access.canRemove).toBe(true);
    expect(access.assignableRoles).not.toContain('owner');
  });

  it('lets editors and viewers only leave', () => {
    expect(memberAccess('editor', 'me', member('other', 'viewer'), 1)).toMatchObject({
      canChangeRole: false,
      canRemove: false,
    });
    expect(memberAccess('viewer', 'me', member('me', 'viewer'), 1)).toMatchObject({
      canLeave: true,
      canRemove: false,
    });
  });

  it('keeps the last owner from leaving, but lets one of several owners go', () => {
    expect(memberAccess('owner', 'me', member('me', 'owner'), 1).canLeave).toBe(false);
    expect(memberAccess('owner', 'me', member('me', 'owner'), 2).canLeave).toBe(true);
  });
});
