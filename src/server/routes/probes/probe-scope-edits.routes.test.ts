import { expect, it } from 'vitest';
import { createTestApp, createTestClock } from '../../../testing/test-app';
import { seedMember, seedOrganisation } from '../../../testing/test-accounts';
import { describeEachDialect } from '../../../testing/test-database';

const SECRET = 'Zq-secret-9731';

describeEachDialect('probe scope edits and credential lists', (database) => {
  const clock = createTestClock();

  async function setUp() {
    const db = database();
    const app = await createTestApp(db, {}, clock);
    const organisationId = await seedOrganisation(db, 'Plant');
    const headersOf = async (member: Awaited<ReturnType<typeof seedMember>>) => {
      const session = await member.session();
      return { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
    };
    const admin = await headersOf(await seedMember(db, organisationId, 'admin', clock));
    const assessor = await headersOf(await seedMember(db, organisationId, 'assessor', clock));
    const stranger = await headersOf(await seedMember(db, await seedOrganisation(db, 'Elsewhere'), 'owner', clock));
    const created = await app.inject({
      method: 'POST',
      url: '/api/probes/scopes',
      headers: admin,
      payload: { name: 'Lab', targets: '127.0.42.0/29' },
    });
    expect(created.statusCode).toBe(200);
    return { db, app, admin, assessor, stranger, scope: created.json<{ id: string; version: number }>() };
  }

  it('edits a scope with its version (a stale one is 409), archives it, and refuses others', async () => {
    const { app, admin, assessor, stranger, scope } = await setUp();
    const patch = (headers: Record<string, string>, payload: object) =>
      app.inject({ method: 'PATCH', url: `/api/probes/scopes/${scope.id}`, headers, payload });

    expect((await patch(assessor, { name: 'Mine', version: 1 })).statusCode).toBe(403);
    expect((await patch(stranger, { name: 'Mine', version: 1 })).statusCode).toBe(404);
    const edited = await patch(admin, { name: 'Lab 2', targets: '127.0.42.0/30', rate: 20, version: 1 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ name: 'Lab 2', addressCount: 4, rate: 20, version: 2 });
    const stale = await patch(admin, { name: 'Lab 3', version: 1 });
    expect(stale.statusCode).toBe(409);
    const badTarget = await patch(admin, { targets: '10.0.0.300', version: 2 });
    expect(badTarget.statusCode).toBe(400);
    expect(badTarget.json<{ errors: { path?: string; params?: Record<string, unknown> }[] }>().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'targets[0]', params: { probeReason: 'target_bad_ip' } }),
      ]),
    );
    expect((await patch(admin, { name: 'X', unknown: 1, version: 2 })).statusCode).toBe(400);

    const archive = (headers: Record<string, string>, version: number) =>
      app.inject({ method: 'POST', url: `/api/probes/scopes/${scope.id}/archive`, headers, payload: { version } });
    expect((await archive(assessor, 2)).statusCode).toBe(403);
    expect((await archive(stranger, 2)).statusCode).toBe(404);
    const archived = await archive(admin, 2);
    expect(archived.statusCode).toBe(200);
    expect(archived.json()).toMatchObject({ archived: true });
    expect(
      (await patch(admin, { name: 'Back', version: archived.json<{ version: number }>().version })).statusCode,
    ).toBe(409);
    const listed = await app.inject({ url: '/api/probes/scopes', headers: admin });
    expect(listed.json<{ scopes: unknown[] }>().scopes).toEqual([]);
    const withArchived = await app.inject({ url: '/api/probes/scopes?archived=true', headers: admin });
    expect(withArchived.json<{ scopes: { id: string }[] }>().scopes.map((s) => s.id)).toEqual([scope.id]);
    // A run on an archived scope is refused.
    const run = await app.inject({
      method: 'POST',
      url: '/api/probes/runs',
      headers: admin,
      payload: { scopeId: scope.id, dryRun: true },
    });
    expect(run.statusCode).toBe(409);
  });

  it('keeps credential lists per organisation, shows user names only, and never returns nor logs a password', async () => {
    const { db, app, admin, assessor, stranger } = await setUp();
    const payload = { name: 'Vendor X', credentials: [{ username: 'svc', password: SECRET }] };
    expect(
      (await app.inject({ method: 'POST', url: '/api/probes/credential-lists', headers: assessor, payload }))
        .statusCode,
    ).toBe(403);
    const created = await app.inject({ method: 'POST', url: '/api/probes/credential-lists', headers: admin, payload });
    expect(created.statusCode).toBe(200);
    expect(created.body).not.toContain(SECRET);
    const list = created.json<{ id: string; usernames: string[] }>();
    expect(list.usernames).toEqual(['svc']);
    const duplicate = await app.inject({
      method: 'POST',
      url: '/api/probes/credential-lists',
      headers: admin,
      payload,
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.body).not.toContain(SECRET);

    const listed = await app.inject({ url: '/api/probes/credential-lists', headers: admin });
    expect(listed.statusCode).toBe(200);
    expect(listed.body).not.toContain(SECRET);
    expect(listed.json<{ lists: { id: string }[] }>().lists.map((l) => l.id)).toEqual([list.id]);
    expect((await app.inject({ url: '/api/probes/credential-lists', headers: assessor })).statusCode).toBe(403);
    const foreign = await app.inject({ url: '/api/probes/credential-lists', headers: stranger });
    expect(foreign.json<{ lists: unknown[] }>().lists).toEqual([]);
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/probes/credential-lists/${list.id}`, headers: stranger }))
        .statusCode,
    ).toBe(404);

    const stored = await db.db.selectFrom('probe_credential_list').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(SECRET);
    const audit = await db.db.selectFrom('audit_event').selectAll().execute();
    expect(JSON.stringify(audit)).not.toContain(SECRET);

    const deleted = await app.inject({
      method: 'DELETE',
      url: `/api/probes/credential-lists/${list.id}`,
      headers: admin,
    });
    expect(deleted.statusCode).toBe(200);
    expect((await app.inject({ url: '/api/probes/credential-lists', headers: admin })).json()).toMatchObject({
      lists: [],
    });
  });
});
