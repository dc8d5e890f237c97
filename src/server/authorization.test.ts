import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../core/auth/roles';
import { createTestApp } from '../testing/test-app';
import { seedMember, seedOrganisation, type TestPrincipal } from '../testing/test-accounts';
import { createSqliteTestDatabase, type TestDatabase } from '../testing/test-database';

/**
 * THE table: who may call each route of the OpenAPI document. `public` = anyone, `signed-in` =
 * any user. A route missing here fails the first test, so no route ships without a decision.
 */
const ALL: readonly Role[] = ROLES;
const ADMINS: readonly Role[] = ['owner', 'admin'];
const READERS: readonly Role[] = ['owner', 'admin', 'assessor', 'viewer'];
const WRITERS: readonly Role[] = ['owner', 'admin', 'assessor'];
const PROVIDERS: readonly Role[] = ['provider'];
const EXPECTED: Readonly<Record<string, 'public' | 'signed-in' | readonly Role[]>> = {
  'GET /api/health': 'public',
  'GET /api/ready': 'public',
  'GET /api/catalog/frameworks': 'public',
  'GET /api/catalog/frameworks/{id}': 'public',
  'GET /api/catalog/frameworks/{id}/export': 'public',
  'GET /api/catalog/nodes/{id}': 'public',
  'GET /api/catalog/search': 'public',
  'GET /api/catalog/guidelines': 'public',
  'GET /api/catalog/guidelines/{id}': 'public',
  'GET /api/catalog/crosswalks/{from}/{to}': 'public',
  'GET /api/auth/setup': 'public',
  'POST /api/auth/setup': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/login/totp': 'public',
  'POST /api/auth/reauthenticate': 'signed-in',
  'POST /api/auth/logout': 'signed-in',
  'GET /api/auth/me': 'public',
  'GET /api/auth/providers': 'public',
  'GET /api/auth/oidc/start': 'public',
  'GET /api/auth/oidc/callback': 'public',
  'POST /api/account/password': 'signed-in',
  'POST /api/account/totp/enrol': 'signed-in',
  'POST /api/account/totp/confirm': 'signed-in',
  'GET /api/account/totp': 'signed-in',
  'POST /api/account/totp/recovery-codes': 'signed-in',
  'POST /api/account/totp/disable': 'signed-in',
  'GET /api/account/tokens': ALL,
  'POST /api/account/tokens': ALL,
  'DELETE /api/account/tokens/{id}': ALL,
  'POST /api/account/organisation': 'signed-in',
  'POST /api/organisations': 'signed-in',
  'GET /api/organisation': ALL,
  'PATCH /api/organisation': ['owner'],
  'PUT /api/organisation/review-policy': ADMINS,
  'GET /api/organisation/members': ADMINS,
  'GET /api/organisation/people': READERS,
  'PUT /api/organisation/members/{userId}': ADMINS,
  'DELETE /api/organisation/members/{userId}': ADMINS,
  'POST /api/organisation/members/{userId}/reset-password': ADMINS,
  'POST /api/organisation/invitations': ADMINS,
  'GET /api/organisation/invitations': ADMINS,
  'DELETE /api/organisation/invitations/{id}': ADMINS,
  'GET /api/invitations/{token}': 'public',
  'POST /api/invitations/{token}/accept': 'public',
  'GET /api/organisation/audit': ADMINS,
  'GET /api/organisation/audit/export': ADMINS,
  'GET /api/organisation/audit/filters': ADMINS,
  'GET /api/home': READERS,
  // Evidence and findings: readers see, assessors and up write (viewers and providers do not).
  'POST /api/evidence': WRITERS,
  'POST /api/inventory/imports': WRITERS,
  'POST /api/assessments/{id}/workbook-imports': WRITERS,
  'POST /api/evidence/entries': WRITERS,
  'GET /api/evidence': READERS,
  'GET /api/evidence/limits': READERS,
  'GET /api/evidence/{id}': READERS,
  'GET /api/evidence/{id}/download': READERS,
  'DELETE /api/evidence/{id}': WRITERS,
  'POST /api/assessments/{id}/answers/{itemId}/evidence': WRITERS,
  'DELETE /api/assessments/{id}/answers/{itemId}/evidence/{evidenceId}': WRITERS,
  'GET /api/assessments/{id}/findings': READERS,
  'POST /api/assessments/{id}/findings': WRITERS,
  'PATCH /api/findings/{id}': WRITERS,
  'GET /api/systems': READERS,
  'POST /api/systems': WRITERS,
  'GET /api/systems/{id}': READERS,
  'PATCH /api/systems/{id}': WRITERS,
  'DELETE /api/systems/{id}': ADMINS,
  'GET /api/assessments': READERS,
  'POST /api/assessments': WRITERS,
  'POST /api/assessments/apply': WRITERS,
  'GET /api/assessments/{id}': READERS,
  'PATCH /api/assessments/{id}': WRITERS,
  'DELETE /api/assessments/{id}': ADMINS,
  'POST /api/assessments/{id}/status': WRITERS,
  'POST /api/assessments/{id}/copy': WRITERS,
  'GET /api/assessments/{id}/scores': READERS,
  'GET /api/assessments/{id}/snapshots': READERS,
  'GET /api/assessments/{id}/gaps': READERS,
  'GET /api/assessments/{id}/coverage': READERS,
  'GET /api/assessments/{id}/coverage/gaps': READERS,
  'GET /api/assessments/{id}/compare/{otherId}': READERS,
  'GET /api/assessments/{id}/document': READERS,
  'PUT /api/assessments/{id}/answers/{itemId}': WRITERS,
  'POST /api/assessments/{id}/answers': WRITERS,
  // Assessors may ready and reopen; accept and return are checked again inside (answers.review).
  'POST /api/assessments/{id}/answers/{itemId}/review': WRITERS,
  'GET /api/assessments/{id}/answers/{itemId}/history': READERS,
  'GET /api/organisation/item-weights': READERS,
  'PUT /api/organisation/item-weights': ADMINS,
  // Inventory: readers see and export, assessors and up change devices, owners and admins delete them.
  'GET /api/inventory/devices': READERS,
  'POST /api/inventory/devices': WRITERS,
  'POST /api/inventory/devices/bulk': WRITERS,
  'GET /api/inventory/devices/{id}': READERS,
  'PATCH /api/inventory/devices/{id}': WRITERS,
  'DELETE /api/inventory/devices/{id}': ADMINS,
  'GET /api/inventory/devices/{id}/history': READERS,
  'GET /api/inventory/facets': READERS,
  'GET /api/inventory/lifecycle': READERS,
  'GET /api/inventory/export': READERS,
  'GET /api/inventory/views': READERS,
  'POST /api/inventory/views': WRITERS,
  'DELETE /api/inventory/views/{id}': WRITERS,
  'GET /api/systems/{id}/devices': READERS,
  'PUT /api/systems/{id}/devices': WRITERS,
  // Inventory providers, stakeholders and flows: readers see, assessors and up write, admins delete.
  'GET /api/inventory/providers': READERS,
  'POST /api/inventory/providers': WRITERS,
  'GET /api/inventory/providers/{id}': READERS,
  'PATCH /api/inventory/providers/{id}': WRITERS,
  'DELETE /api/inventory/providers/{id}': ADMINS,
  'GET /api/inventory/stakeholders': READERS,
  'POST /api/inventory/stakeholders': WRITERS,
  'PATCH /api/inventory/stakeholders/{id}': WRITERS,
  'DELETE /api/inventory/stakeholders/{id}': ADMINS,
  'GET /api/inventory/data-flows': READERS,
  'POST /api/inventory/data-flows': WRITERS,
  'PATCH /api/inventory/data-flows/{id}': WRITERS,
  'DELETE /api/inventory/data-flows/{id}': ADMINS,
  // Inventory settings (custom fields, import column mapping): everyone reads, admins change.
  'GET /api/inventory/custom-fields': READERS,
  'POST /api/inventory/custom-fields': ADMINS,
  'PATCH /api/inventory/custom-fields/{key}': ADMINS,
  'DELETE /api/inventory/custom-fields/{key}': ADMINS,
  'GET /api/inventory/column-mapping': READERS,
  'PUT /api/inventory/column-mapping': ADMINS,
  'GET /api/assessments/{id}/inventory-facts': READERS,
  'POST /api/assessments/{id}/reports': READERS,
  'GET /api/assessments/{id}/reports': READERS,
  'GET /api/jobs/{id}': READERS,
  'GET /api/jobs/{id}/download': READERS,
  'POST /api/jobs/{id}/cancel': READERS,
  // Vendor questionnaires: assessors and up manage links; only providers answer, and nothing else is open to them.
  'GET /api/assessments/{id}/questionnaires': WRITERS,
  'GET /api/assessments/{id}/questionnaire-items': WRITERS,
  'POST /api/assessments/{id}/questionnaires': WRITERS,
  'POST /api/questionnaires/{id}/revoke': WRITERS,
  // Vulnerabilities (issue 13): members read; assessors and up triage and match; owners and admins import.
  'GET /api/vulnerabilities/summary': READERS,
  'GET /api/vulnerabilities/advisories': READERS,
  'GET /api/vulnerabilities/advisories/{id}': READERS,
  'GET /api/vulnerabilities/matches': READERS,
  'GET /api/inventory/devices/{id}/vulnerabilities': READERS,
  'PUT /api/vulnerabilities/triage': WRITERS,
  'GET /api/vulnerabilities/confirmations': READERS,
  'POST /api/vulnerabilities/confirmations/{id}': WRITERS,
  'POST /api/vulnerabilities/imports': ADMINS,
  'POST /api/vulnerabilities/match': WRITERS,
  'POST /api/inventory/sboms': WRITERS,
  'GET /api/inventory/sboms': READERS,
  'GET /api/inventory/sboms/{id}/components': READERS,
  'GET /api/inventory/devices/{id}/firmware': READERS,
  'GET /api/assessments/{id}/machine-evidence': READERS,
  'GET /api/vulnerabilities/vex': READERS,
  'GET /api/vulnerabilities/latest-firmware': READERS,
  'PUT /api/vulnerabilities/latest-firmware': WRITERS,
  'GET /api/questionnaires/{id}/workbook': WRITERS,
  'GET /api/questionnaires/{id}/pdf': WRITERS,
  'POST /api/questionnaires/{id}/import': WRITERS,
  'POST /api/questionnaire-responses/open': PROVIDERS,
  'POST /api/questionnaire-responses/save': PROVIDERS,
  'POST /api/questionnaire-responses/submit': PROVIDERS,
  // Incidents (issue 15): members who read assessments read incidents; assessors and up handle them; admins edit playbooks.
  'GET /api/incidents': READERS,
  'POST /api/incidents': WRITERS,
  'GET /api/incidents/figures': READERS,
  'GET /api/incident-lessons': READERS,
  'GET /api/incidents/{id}': READERS,
  'PATCH /api/incidents/{id}': WRITERS,
  'POST /api/incidents/{id}/status': WRITERS,
  'POST /api/incidents/{id}/timeline': WRITERS,
  'POST /api/incidents/{id}/devices': WRITERS,
  'POST /api/incidents/{id}/evidence': WRITERS,
  'POST /api/incidents/{id}/links': WRITERS,
  'POST /api/incidents/{id}/close': WRITERS,
  'POST /api/incidents/{id}/reopen': WRITERS,
  'GET /api/incidents/{id}/notifications': READERS,
  'GET /api/incidents/{id}/notifications/vendor': READERS,
  'POST /api/incidents/{id}/notifications': WRITERS,
  'POST /api/incidents/{id}/steps/{index}': WRITERS,
  'GET /api/incidents/{id}/timeline.csv': READERS,
  'POST /api/incidents/{id}/reports': READERS,
  'GET /api/playbooks': READERS,
  'POST /api/playbooks': ADMINS,
  'GET /api/playbooks/{id}': READERS,
  'PUT /api/playbooks/{id}': ADMINS,
  'DELETE /api/playbooks/{id}': ADMINS,
  'POST /api/playbooks/{id}/drills': WRITERS,
  // Probes (issue 14): members who read see scopes and results; assessors and up run; admins declare scopes and credentials.
  'GET /api/probes/scopes': READERS,
  'POST /api/probes/scopes': ADMINS,
  'GET /api/probes/scopes/{id}': READERS,
  'PATCH /api/probes/scopes/{id}': ADMINS,
  'POST /api/probes/scopes/{id}/archive': ADMINS,
  'GET /api/probes/credential-lists': ADMINS,
  'POST /api/probes/credential-lists': ADMINS,
  'DELETE /api/probes/credential-lists/{id}': ADMINS,
  'GET /api/probes/runs': READERS,
  'POST /api/probes/runs': WRITERS,
  'GET /api/probes/runs/{id}': READERS,
  'GET /api/probes/runs/{id}/targets': READERS,
  'GET /api/probes/runs/{id}/observations': READERS,
  'GET /api/probes/runs/{id}/diff': READERS,
  'GET /api/inventory/devices/{id}/probe-results': READERS,
};

type Principal = 'anonymous' | Role | 'other-organisation owner';

describe('authorization: every route × every role', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let routes: { method: string; path: string }[];
  const members = new Map<Principal, TestPrincipal>();

  beforeAll(async () => {
    database = await createSqliteTestDatabase();
    app = await createTestApp(database);
    const organisation = await seedOrganisation(database, 'Alpha');
    for (const role of ROLES) members.set(role, await seedMember(database, organisation, role));
    members.set(
      'other-organisation owner',
      await seedMember(database, await seedOrganisation(database, 'Beta'), 'owner'),
    );
    const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map((method) => ({ method: method.toUpperCase(), path })),
    );
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  it('has a decision for every route in the OpenAPI document, and no stale ones', () => {
    const documented = routes.map((route) => `${route.method} ${route.path}`).sort();
    expect(documented).toEqual(Object.keys(EXPECTED).sort());
  });

  it('allows and denies exactly as the table says', async () => {
    const principals: Principal[] = ['anonymous', ...ROLES, 'other-organisation owner'];
    const mismatches: string[] = [];
    for (const route of routes) {
      const rule = EXPECTED[`${route.method} ${route.path}`];
      for (const principal of principals) {
        const role: Role | undefined =
          principal === 'anonymous' ? undefined : principal === 'other-organisation owner' ? 'owner' : principal;
        const allowed =
          rule === 'public' || (role !== undefined && (rule === 'signed-in' || (rule?.includes(role) ?? false)));
        const member = members.get(principal);
        const session = member ? await member.session() : undefined;
        const response = await app.inject({
          method: route.method as 'GET',
          url: route.path.replace(/\{[^}]+\}/g, 'does-not-exist'),
          headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {},
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
        });
        const refused = response.statusCode === 401 || response.statusCode === 403;
        if (allowed === refused)
          mismatches.push(
            `${principal} ${route.method} ${route.path}: expected ${allowed ? 'allow' : 'deny'}, got ${response.statusCode}`,
          );
        if (!allowed && principal === 'anonymous' && response.statusCode !== 401)
          mismatches.push(`anonymous ${route.method} ${route.path}: expected 401, got ${response.statusCode}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("opens nothing to a provider but their account, their organisation's name and questionnaire answering", () => {
    const open = Object.entries(EXPECTED)
      .filter(([, rule]) => rule !== 'public' && rule !== 'signed-in' && rule.includes('provider'))
      .map(([route]) => route)
      .sort();
    expect(open).toEqual([
      'DELETE /api/account/tokens/{id}',
      'GET /api/account/tokens',
      'GET /api/organisation',
      'POST /api/account/tokens',
      'POST /api/questionnaire-responses/open',
      'POST /api/questionnaire-responses/save',
      'POST /api/questionnaire-responses/submit',
    ]);
  });

  it('refuses a state change with the session cookie but without the CSRF token', async () => {
    const session = await members.get('owner')!.session();
    const response = await app.inject({
      method: 'PATCH',
      url: '/api/organisation',
      headers: { cookie: session.cookie },
      payload: { name: 'Renamed' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().detail).toContain('CSRF');
  });

  it('refuses a cross-site Origin even on public routes', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { email: 'a@b.jp', password: 'x' },
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('tenant isolation', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await createSqliteTestDatabase();
    app = await createTestApp(database);
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  it('never lets an owner of one organisation see or touch another', async () => {
    const alpha = await seedOrganisation(database, 'Alpha');
    const beta = await seedOrganisation(database, 'Beta');
    const alphaViewer = await seedMember(database, alpha, 'viewer');
    const betaOwner = await seedMember(database, beta, 'owner');
    const session = await betaOwner.session();
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };

    const members = (await app.inject({ method: 'GET', url: '/api/organisation/members', headers })).json<{
      members: { userId: string }[];
    }>();
    expect(members.members.map((member) => member.userId)).toEqual([betaOwner.userId]);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/account/organisation',
          headers,
          payload: { organisationId: alpha },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/organisation/members/${alphaViewer.userId}`, headers }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await app.inject({
          method: 'PUT',
          url: `/api/organisation/members/${alphaViewer.userId}`,
          headers,
          payload: { role: 'owner' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/organisation/members/${alphaViewer.userId}/reset-password`,
          headers,
        })
      ).statusCode,
    ).toBe(404);
    const memberships = await database.db
      .selectFrom('membership')
      .select(['organisation_id', 'role'])
      .where('user_id', '=', alphaViewer.userId)
      .execute();
    expect(memberships).toEqual([{ organisation_id: alpha, role: 'viewer' }]);
  });

  it('does not let an admin of one organisation reset the password of someone who is also in another', async () => {
    const alpha = await seedOrganisation(database, 'Alpha2');
    const beta = await seedOrganisation(database, 'Beta2');
    const shared = await seedMember(database, alpha, 'owner');
    await database.db
      .insertInto('membership')
      .values({ organisation_id: beta, user_id: shared.userId, role: 'viewer', created_at: new Date().toISOString() })
      .execute();
    const session = await (await seedMember(database, beta, 'admin')).session();
    const response = await app.inject({
      method: 'POST',
      url: `/api/organisation/members/${shared.userId}/reset-password`,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    });
    expect(response.statusCode).toBe(403);
  });
});
