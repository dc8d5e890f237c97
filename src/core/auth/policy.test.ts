import { describe, expect, it } from 'vitest';
import { ANONYMOUS, cliActor, isUserActor, userActor, type Actor, type UserActorFields } from './actor';
import { lockSecondsAfter } from './login-throttle';
import { checkPassword, isCommonPassword } from './password-policy';
import { allowedActions, can } from './policy';
import { canGrantRole, capRole, type Role } from './roles';

const member = (role: Role, organisationId = 'org-a', extra: Partial<UserActorFields> = {}): Actor =>
  userActor({
    userId: 'u1',
    email: 'a@example.jp',
    organisationId,
    role,
    via: 'session',
    mustChangePassword: false,
    ...extra,
  });

describe('can', () => {
  it('refuses an actor that only looks like one (parsed from a request, not made by userActor)', () => {
    const forged = JSON.parse(JSON.stringify({ ...member('owner'), via: 'cli' })) as Actor;
    expect(forged.kind).toBe('user');
    expect(isUserActor(forged)).toBe(false);
    expect(can(forged, 'organisation.update', { organisationId: 'org-a' })).toBe(false);
    expect(isUserActor({ ...member('owner') })).toBe(true);
  });

  it('denies anonymous actors everything', () => {
    expect(can(ANONYMOUS, 'account.read')).toBe(false);
    expect(can(ANONYMOUS, 'organisation.read', { organisationId: 'org-a' })).toBe(false);
  });

  it('keeps each organisation to its members', () => {
    expect(can(member('owner'), 'members.manage', { organisationId: 'org-a' })).toBe(true);
    expect(can(member('owner'), 'members.manage', { organisationId: 'org-b' })).toBe(false);
  });

  it('lists what each role may do, the same answers as can()', () => {
    expect(allowedActions(ANONYMOUS)).toEqual([]);
    expect(allowedActions(member('owner'))).toEqual(
      expect.arrayContaining(['members.read', 'audit.read', 'home.read']),
    );
    const assessor = allowedActions(member('assessor'));
    expect(assessor).toEqual(expect.arrayContaining(['assessments.manage', 'home.read']));
    expect(assessor).not.toContain('members.read');
    expect(assessor).not.toContain('invitations.manage');
    expect(assessor).not.toContain('audit.read');
    const viewer = allowedActions(member('viewer'));
    expect(viewer).toContain('assessments.read');
    expect(viewer).not.toContain('answers.write');
    expect(allowedActions(member('provider'))).not.toContain('home.read');
    expect(allowedActions(member('owner', 'org-a', { mustChangePassword: true }))).toEqual([
      'account.read',
      'account.update',
    ]);
  });

  it('follows the role table', () => {
    expect(can(member('admin'), 'audit.read', { organisationId: 'org-a' })).toBe(true);
    expect(can(member('assessor'), 'audit.read', { organisationId: 'org-a' })).toBe(false);
    expect(can(member('viewer'), 'organisation.read', { organisationId: 'org-a' })).toBe(true);
    expect(can(member('admin'), 'organisation.update', { organisationId: 'org-a' })).toBe(false);
  });

  it('allows only account actions while the password must be changed', () => {
    const actor = member('owner', 'org-a', { mustChangePassword: true });
    expect(can(actor, 'account.update')).toBe(true);
    expect(can(actor, 'members.read', { organisationId: 'org-a' })).toBe(false);
  });

  it('lets the server operator on the command line act', () => {
    expect(can(cliActor(), 'members.manage', { organisationId: 'any' })).toBe(true);
  });
});

describe('roles', () => {
  it('caps a token at its ceiling and never raises it', () => {
    expect(capRole('owner', 'viewer')).toBe('viewer');
    expect(capRole('viewer', 'owner')).toBe('viewer');
    expect(canGrantRole('admin', 'owner')).toBe(false);
    expect(canGrantRole('owner', 'owner')).toBe(true);
  });
});

describe('passwords', () => {
  it('refuses short, common and factory-default passwords and their lazy variants', () => {
    expect(checkPassword('short')).toContain('too_short');
    for (const password of [
      'password',
      'xc3511',
      'Password123456',
      'adminadminadmin',
      'vizxvvizxvvizxv',
      '123456789012',
      'aaaaaaaaaaaa',
      'P@ssw0rd!!!!2024',
      '7ujMko0admin',
    ]) {
      expect(isCommonPassword(password), password).toBe(true);
    }
    expect(checkPassword('correct horse battery staple')).toEqual([]);
    expect(checkPassword('tanaka.taro-2026-x', { email: 'tanaka.taro@example.jp' })).toContain('contains_email');
  });
});

describe('login throttle', () => {
  it('grows the lock after five failures and caps it', () => {
    expect([0, 4, 5, 6, 7, 20, 40].map((failures) => lockSecondsAfter(failures))).toEqual([0, 0, 1, 2, 4, 900, 900]);
    expect(lockSecondsAfter(19, 20)).toBe(0);
  });
});
