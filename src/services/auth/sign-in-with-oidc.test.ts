import { expect, it } from 'vitest';
import { createTestAccountDeps } from '../../testing/test-app';
import { seedMember, seedOrganisation } from '../../testing/test-accounts';
import { describeEachDialect } from '../../testing/test-database';
import { signInWithOidc } from './sign-in-with-oidc';

describeEachDialect('single sign-on provisioning', (database) => {
  const context = { clientAddress: '127.0.0.1' };
  const identity = (email: string, emailVerified = true) => ({
    subject: `sub-${email}`,
    email,
    emailVerified,
    name: 'Yamada Hanako',
  });

  it('refuses an address the provider did not verify', async () => {
    await expect(
      signInWithOidc(createTestAccountDeps(database()), {
        identity: identity('x@example.jp', false),
        provisioning: { organisation: undefined, role: 'viewer' },
        context,
      }),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('provisions a new address into the default organisation by slug, without a password', async () => {
    const organisation = await seedOrganisation(database(), 'Plant');
    const slug = (
      await database()
        .db.selectFrom('organisation')
        .select('slug')
        .where('id', '=', organisation)
        .executeTakeFirstOrThrow()
    ).slug;
    const session = await signInWithOidc(createTestAccountDeps(database()), {
      identity: identity('Yamada@Example.jp'),
      provisioning: { organisation: slug, role: 'assessor' },
      context,
    });
    expect(session.secondFactorRequired).toBe(false);
    const user = await database()
      .db.selectFrom('app_user')
      .selectAll()
      .where('email', '=', 'yamada@example.jp')
      .executeTakeFirstOrThrow();
    expect(user.password_hash).toBeNull();
    const membership = await database()
      .db.selectFrom('membership')
      .select('role')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(membership.role).toBe('assessor');
  });

  it('matches an existing account by e-mail and leaves its roles alone', async () => {
    const organisation = await seedOrganisation(database(), 'Existing');
    const owner = await seedMember(database(), organisation, 'owner');
    await signInWithOidc(createTestAccountDeps(database()), {
      identity: identity(owner.email.toUpperCase()),
      provisioning: { organisation, role: 'viewer' },
      context,
    });
    const roles = await database()
      .db.selectFrom('membership')
      .select('role')
      .where('user_id', '=', owner.userId)
      .execute();
    expect(roles).toEqual([{ role: 'owner' }]);
    const users = await database().db.selectFrom('app_user').select('id').where('email', '=', owner.email).execute();
    expect(users).toHaveLength(1);
  });
});
