import type { FastifyInstance } from 'fastify';
import { expect, it } from 'vitest';
import { createApiToken } from '../services/accounts/manage-api-tokens';
import { createEvidenceEntry } from '../services/evidence/create-evidence-entry';
import { createFinding } from '../services/findings/create-finding';
import { createDevice } from '../services/inventory/create-device';
import { createSavedView } from '../services/inventory/manage-saved-views';
import { createInvitation } from '../services/organisations/manage-invitations';
import { createQuestionnaire } from '../services/questionnaires/create-questionnaire';
import { createTestAccountDeps, createTestApp, createTestClock } from '../testing/test-app';
import { seedMember, seedOrganisation } from '../testing/test-accounts';
import { createTestAssessmentDeps, seedAssessment, seedMemberActor } from '../testing/test-assessments';
import { describeEachDialect, type TestDatabase } from '../testing/test-database';
import { multipartBody, uniquePdf } from '../testing/test-evidence';

/** The ids of organisation A that a forged body would reach for. */
interface Targets {
  organisationId: string;
  ownerId: string;
  systemId: string;
  assessmentId: string;
  evidenceId: string;
  findingId: string;
  tokenId: string;
  invitationToken: string;
  deviceId: number;
  viewId: string;
  questionnaireId: string;
  questionnaireToken: string;
}

const ITEM = 'jssec-v2:1';
/** An incident or playbook id that exists nowhere: the smuggled fields are refused before it is looked up. */
const NO_ID = '00000000-0000-4000-8000-000000000000';

/**
 * For every write route of the OpenAPI document: its path filled with organisation A's ids and a
 * body that is valid on its own, so the ONLY thing wrong with the request is the smuggled fields.
 * A route missing here fails the first test: a new write route cannot skip this check.
 */
const WRITE_ROUTES: Readonly<Record<string, (t: Targets) => { url: string; body: Record<string, unknown> }>> = {
  'POST /api/auth/setup': () => ({
    url: '/api/auth/setup',
    body: { email: 'new@example.jp', password: 'atarashii-pasuwado-7', organisationName: 'X' },
  }),
  'POST /api/auth/login': () => ({
    url: '/api/auth/login',
    body: { email: 'nobody@example.jp', password: 'atarashii-pasuwado-7' },
  }),
  'POST /api/auth/login/totp': () => ({ url: '/api/auth/login/totp', body: { code: '123456' } }),
  'POST /api/auth/reauthenticate': () => ({
    url: '/api/auth/reauthenticate',
    body: { password: 'atarashii-pasuwado-7' },
  }),
  'POST /api/auth/logout': () => ({ url: '/api/auth/logout', body: {} }),
  'POST /api/account/password': () => ({
    url: '/api/account/password',
    body: { currentPassword: 'atarashii-pasuwado-7', newPassword: 'mata-atarashii-pasuwado-8' },
  }),
  'POST /api/account/totp/enrol': () => ({ url: '/api/account/totp/enrol', body: {} }),
  'POST /api/account/totp/confirm': () => ({ url: '/api/account/totp/confirm', body: { code: '123456' } }),
  'POST /api/account/totp/disable': () => ({
    url: '/api/account/totp/disable',
    body: { password: 'atarashii-pasuwado-7' },
  }),
  'POST /api/account/totp/recovery-codes': () => ({
    url: '/api/account/totp/recovery-codes',
    body: { password: 'atarashii-pasuwado-7' },
  }),
  'POST /api/account/tokens': () => ({
    url: '/api/account/tokens',
    body: { name: 'stolen', roleCeiling: 'owner', expiresInDays: 30 },
  }),
  'DELETE /api/account/tokens/{id}': (t) => ({ url: `/api/account/tokens/${t.tokenId}`, body: {} }),
  'POST /api/account/organisation': (t) => ({
    url: '/api/account/organisation',
    body: { organisationId: t.organisationId },
  }),
  'POST /api/organisations': () => ({ url: '/api/organisations', body: { name: 'Another' } }),
  'PATCH /api/organisation': () => ({ url: '/api/organisation', body: { name: 'Hijacked' } }),
  'PUT /api/organisation/members/{userId}': (t) => ({
    url: `/api/organisation/members/${t.ownerId}`,
    body: { role: 'viewer' },
  }),
  'DELETE /api/organisation/members/{userId}': (t) => ({ url: `/api/organisation/members/${t.ownerId}`, body: {} }),
  'POST /api/organisation/members/{userId}/reset-password': (t) => ({
    url: `/api/organisation/members/${t.ownerId}/reset-password`,
    body: {},
  }),
  'POST /api/organisation/invitations': () => ({
    url: '/api/organisation/invitations',
    body: { email: 'mallory@example.jp', role: 'admin' },
  }),
  'POST /api/invitations/{token}/accept': (t) => ({ url: `/api/invitations/${t.invitationToken}/accept`, body: {} }),
  'POST /api/evidence': () => ({ url: '/api/evidence', body: {} }),
  'POST /api/inventory/imports': () => ({ url: '/api/inventory/imports', body: {} }),
  'POST /api/assessments/{id}/workbook-imports': (t) => ({
    url: `/api/assessments/${t.assessmentId}/workbook-imports`,
    body: {},
  }),
  'POST /api/evidence/entries': () => ({
    url: '/api/evidence/entries',
    body: { kind: 'text', title: 'Note', body: 'text' },
  }),
  'DELETE /api/evidence/{id}': (t) => ({ url: `/api/evidence/${t.evidenceId}`, body: {} }),
  'POST /api/assessments/{id}/answers/{itemId}/evidence': (t) => ({
    url: `/api/assessments/${t.assessmentId}/answers/${ITEM}/evidence`,
    body: { evidenceId: t.evidenceId },
  }),
  'DELETE /api/assessments/{id}/answers/{itemId}/evidence/{evidenceId}': (t) => ({
    url: `/api/assessments/${t.assessmentId}/answers/${ITEM}/evidence/${t.evidenceId}`,
    body: {},
  }),
  'POST /api/assessments/{id}/findings': (t) => ({
    url: `/api/assessments/${t.assessmentId}/findings`,
    body: { itemId: ITEM, issue: 'Forged', priority: 'high' },
  }),
  'PATCH /api/findings/{id}': (t) => ({ url: `/api/findings/${t.findingId}`, body: { version: 1, issue: 'Forged' } }),
  'POST /api/systems': () => ({ url: '/api/systems', body: { name: 'Forged', criticality: 'critical' } }),
  'PATCH /api/systems/{id}': (t) => ({ url: `/api/systems/${t.systemId}`, body: { version: 1, name: 'Forged' } }),
  'POST /api/assessments': (t) => ({ url: '/api/assessments', body: { systemId: t.systemId, title: 'Forged' } }),
  'POST /api/assessments/apply': (t) => ({
    url: '/api/assessments/apply',
    body: {
      iotcheck: 'assessment/v1',
      assessment: { id: t.assessmentId, systemId: t.systemId, title: 'Forged', frameworkId: 'jssec-v2' },
      answers: [{ item: ITEM, result: 'implemented' }],
    },
  }),
  'POST /api/assessments/{id}/status': (t) => ({
    url: `/api/assessments/${t.assessmentId}/status`,
    body: { status: 'in_progress', version: 1 },
  }),
  'POST /api/assessments/{id}/copy': (t) => ({ url: `/api/assessments/${t.assessmentId}/copy`, body: {} }),
  'PUT /api/assessments/{id}/answers/{itemId}': (t) => ({
    url: `/api/assessments/${t.assessmentId}/answers/${ITEM}`,
    body: { version: 0, result: 'implemented' },
  }),
  'POST /api/assessments/{id}/answers': (t) => ({
    url: `/api/assessments/${t.assessmentId}/answers`,
    body: { answers: [{ itemId: ITEM, version: 0, result: 'implemented' }] },
  }),
  'POST /api/assessments/{id}/answers/{itemId}/review': (t) => ({
    url: `/api/assessments/${t.assessmentId}/answers/${ITEM}/review`,
    body: { action: 'accept', version: 0 },
  }),
  'PUT /api/organisation/item-weights': () => ({ url: '/api/organisation/item-weights', body: { weights: {} } }),
  'PUT /api/organisation/review-policy': () => ({
    url: '/api/organisation/review-policy',
    body: { requireSeparateReviewer: false },
  }),
  'DELETE /api/organisation/invitations/{id}': () => ({ url: '/api/organisation/invitations/unknown', body: {} }),
  'DELETE /api/systems/{id}': (t) => ({ url: `/api/systems/${t.systemId}?version=1&withAssessments=true`, body: {} }),
  'PATCH /api/assessments/{id}': (t) => ({
    url: `/api/assessments/${t.assessmentId}`,
    body: { version: 1, title: 'Forged' },
  }),
  'DELETE /api/assessments/{id}': (t) => ({ url: `/api/assessments/${t.assessmentId}?version=1`, body: {} }),
  'POST /api/inventory/devices': () => ({ url: '/api/inventory/devices', body: { assetTag: 'F-1', name: 'Forged' } }),
  'POST /api/inventory/devices/bulk': (t) => ({
    url: '/api/inventory/devices/bulk',
    body: { selection: { ids: [t.deviceId] }, set: { site: 'Forged' } },
  }),
  'PATCH /api/inventory/devices/{id}': (t) => ({
    url: `/api/inventory/devices/${t.deviceId}`,
    body: { version: 1, name: 'Forged' },
  }),
  'DELETE /api/inventory/devices/{id}': (t) => ({ url: `/api/inventory/devices/${t.deviceId}?version=1`, body: {} }),
  'POST /api/inventory/views': () => ({ url: '/api/inventory/views', body: { name: 'Forged', query: 'q=a' } }),
  'DELETE /api/inventory/views/{id}': (t) => ({ url: `/api/inventory/views/${t.viewId}`, body: {} }),
  'PUT /api/systems/{id}/devices': (t) => ({
    url: `/api/systems/${t.systemId}/devices`,
    body: { add: [t.deviceId], remove: [] },
  }),
  'POST /api/inventory/providers': () => ({
    url: '/api/inventory/providers',
    body: { name: 'Forged', kind: 'vendor' },
  }),
  'PATCH /api/inventory/providers/{id}': () => ({
    url: '/api/inventory/providers/unknown',
    body: { version: 1, name: 'Forged' },
  }),
  'DELETE /api/inventory/providers/{id}': () => ({ url: '/api/inventory/providers/unknown?version=1', body: {} }),
  'POST /api/inventory/stakeholders': () => ({
    url: '/api/inventory/stakeholders',
    body: { role: 'operator', name: 'Forged' },
  }),
  'PATCH /api/inventory/stakeholders/{id}': () => ({
    url: '/api/inventory/stakeholders/unknown',
    body: { version: 1, name: 'Forged' },
  }),
  'DELETE /api/inventory/stakeholders/{id}': () => ({ url: '/api/inventory/stakeholders/unknown?version=1', body: {} }),
  'POST /api/inventory/data-flows': (t) => ({
    url: '/api/inventory/data-flows',
    body: {
      from: { kind: 'system', id: t.systemId },
      to: { kind: 'external', name: 'Forged cloud', country: 'US' },
      protocol: 'MQTT',
    },
  }),
  'PATCH /api/inventory/data-flows/{id}': () => ({
    url: '/api/inventory/data-flows/unknown',
    body: { version: 1, protocol: 'HTTP' },
  }),
  'DELETE /api/inventory/data-flows/{id}': () => ({ url: '/api/inventory/data-flows/unknown?version=1', body: {} }),
  'POST /api/inventory/custom-fields': () => ({
    url: '/api/inventory/custom-fields',
    body: { key: 'forged', labelJa: '偽', labelEn: 'Forged' },
  }),
  'PATCH /api/inventory/custom-fields/{key}': () => ({
    url: '/api/inventory/custom-fields/forged',
    body: { version: 1, labelEn: 'Forged' },
  }),
  'DELETE /api/inventory/custom-fields/{key}': () => ({
    url: '/api/inventory/custom-fields/forged?version=1',
    body: {},
  }),
  'PUT /api/inventory/column-mapping': () => ({
    url: '/api/inventory/column-mapping',
    body: { version: 0, mapping: { 機器名: 'name' } },
  }),
  'POST /api/assessments/{id}/reports': (t) => ({
    url: `/api/assessments/${t.assessmentId}/reports`,
    body: { kind: 'assessment-json' },
  }),
  'POST /api/jobs/{id}/cancel': () => ({ url: '/api/jobs/00000000-0000-4000-8000-000000000000/cancel', body: {} }),
  'POST /api/assessments/{id}/questionnaires': (t) => ({
    url: `/api/assessments/${t.assessmentId}/questionnaires`,
    body: { language: 'ja', providerName: 'Acme' },
  }),
  'POST /api/questionnaires/{id}/revoke': (t) => ({ url: `/api/questionnaires/${t.questionnaireId}/revoke`, body: {} }),
  'PUT /api/vulnerabilities/triage': () => ({
    url: '/api/vulnerabilities/triage',
    body: {
      advisoryId: 'none',
      target: { kind: 'model', manufacturer: 'Acme', model: 'CAM-100' },
      status: 'in_triage',
    },
  }),
  'POST /api/vulnerabilities/confirmations/{id}': () => ({
    url: '/api/vulnerabilities/confirmations/none',
    body: { decision: 'reject' },
  }),
  'POST /api/vulnerabilities/imports': () => ({ url: '/api/vulnerabilities/imports', body: {} }),
  'POST /api/vulnerabilities/match': () => ({ url: '/api/vulnerabilities/match', body: {} }),
  'POST /api/inventory/sboms': () => ({ url: '/api/inventory/sboms', body: {} }),
  'PUT /api/vulnerabilities/latest-firmware': () => ({
    url: '/api/vulnerabilities/latest-firmware',
    body: { manufacturer: 'Acme', model: 'CAM-100', version: '1.3' },
  }),
  'POST /api/questionnaires/{id}/import': (t) => ({ url: `/api/questionnaires/${t.questionnaireId}/import`, body: {} }),
  'POST /api/questionnaire-responses/open': (t) => ({
    url: '/api/questionnaire-responses/open',
    body: { token: t.questionnaireToken },
  }),
  'POST /api/questionnaire-responses/save': (t) => ({
    url: '/api/questionnaire-responses/save',
    body: { token: t.questionnaireToken, answers: [] },
  }),
  'POST /api/incidents': (t) => ({
    url: '/api/incidents',
    body: { title: 'Camera hijacked', severity: 'high', detectedAt: '2026-12-01T09:00:00Z', systemIds: [t.systemId] },
  }),
  'PATCH /api/incidents/{id}': () => ({ url: `/api/incidents/${NO_ID}`, body: { title: 'X', expectedVersion: 1 } }),
  'POST /api/incidents/{id}/status': () => ({
    url: `/api/incidents/${NO_ID}/status`,
    body: { status: 'triaged', expectedVersion: 1 },
  }),
  'POST /api/incidents/{id}/timeline': () => ({
    url: `/api/incidents/${NO_ID}/timeline`,
    body: { kind: 'note', body: 'Isolated the camera' },
  }),
  'POST /api/incidents/{id}/devices': (t) => ({
    url: `/api/incidents/${NO_ID}/devices`,
    body: { deviceIds: [t.deviceId] },
  }),
  'POST /api/incidents/{id}/evidence': (t) => ({
    url: `/api/incidents/${NO_ID}/evidence`,
    body: { evidenceId: t.evidenceId },
  }),
  'POST /api/incidents/{id}/links': () => ({
    url: `/api/incidents/${NO_ID}/links`,
    body: { kind: 'vulnerability', id: 'm-1', label: 'CVE-2026-0001' },
  }),
  'POST /api/incidents/{id}/close': () => ({
    url: `/api/incidents/${NO_ID}/close`,
    body: { lessons: [], expectedVersion: 1 },
  }),
  'POST /api/incidents/{id}/reopen': () => ({ url: `/api/incidents/${NO_ID}/reopen`, body: { expectedVersion: 1 } }),
  'POST /api/incidents/{id}/notifications': () => ({
    url: `/api/incidents/${NO_ID}/notifications`,
    body: { kind: 'vendor', subject: 'S', body: 'B' },
  }),
  'POST /api/incidents/{id}/steps/{index}': () => ({
    url: `/api/incidents/${NO_ID}/steps/0`,
    body: { outcome: 'started' },
  }),
  'POST /api/incidents/{id}/reports': () => ({
    url: `/api/incidents/${NO_ID}/reports`,
    body: { kind: 'incident-pdf', language: 'en' },
  }),
  'POST /api/playbooks': (t) => ({ url: '/api/playbooks', body: { systemId: t.systemId, title: 'P', steps: [] } }),
  'PUT /api/playbooks/{id}': (t) => ({
    url: `/api/playbooks/${NO_ID}`,
    body: { systemId: t.systemId, title: 'P', steps: [], expectedVersion: 1 },
  }),
  'DELETE /api/playbooks/{id}': () => ({ url: `/api/playbooks/${NO_ID}?version=1`, body: {} }),
  'POST /api/playbooks/{id}/drills': () => ({ url: `/api/playbooks/${NO_ID}/drills`, body: {} }),
  'POST /api/probes/scopes': () => ({ url: '/api/probes/scopes', body: { name: 'Lab', targets: '127.0.41.0/29' } }),
  'PATCH /api/probes/scopes/{id}': () => ({ url: `/api/probes/scopes/${NO_ID}`, body: { version: 1, name: 'Lab' } }),
  'POST /api/probes/scopes/{id}/archive': () => ({ url: `/api/probes/scopes/${NO_ID}/archive`, body: { version: 1 } }),
  'POST /api/probes/credential-lists': () => ({
    url: '/api/probes/credential-lists',
    body: { name: 'Defaults', credentials: [{ username: 'admin', password: 'admin' }] },
  }),
  'DELETE /api/probes/credential-lists/{id}': () => ({ url: `/api/probes/credential-lists/${NO_ID}`, body: {} }),
  'POST /api/probes/runs': () => ({ url: '/api/probes/runs', body: { scopeId: NO_ID, dryRun: true } }),
  'POST /api/questionnaire-responses/submit': (t) => ({
    url: '/api/questionnaire-responses/submit',
    body: { token: t.questionnaireToken, answers: [] },
  }),
};

/** Routes only the provider role may call: every other role is refused for its role before the body is read. */
const PROVIDER_ROUTES = new Set([
  'POST /api/questionnaire-responses/open',
  'POST /api/questionnaire-responses/save',
  'POST /api/questionnaire-responses/submit',
]);
/** Multipart upload routes: the smuggled fields travel as form fields beside a file. */
const MULTIPART_ROUTES = new Set(['/api/evidence', '/api/questionnaires/{id}/import']);

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];

/** Every row of every table, to show that nothing at all changed. */
async function dumpDatabase(database: TestDatabase): Promise<Record<string, unknown[]>> {
  const tables = (await database.db.introspection.getTables()).map((table) => table.name).sort();
  const dump: Record<string, unknown[]> = {};
  for (const table of tables) {
    const rows = await database.db
      .selectFrom(table as 'organisation')
      .selectAll()
      .execute();
    dump[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return dump;
}

describeEachDialect('identity and tenant cannot come from a request body', (database) => {
  const clock = createTestClock();

  it('refuses actor, via, organisationId and other unknown fields on every write route, and changes nothing', async () => {
    const db = database();
    const app: FastifyInstance = await createTestApp(db, {}, clock);
    const assessmentDeps = createTestAssessmentDeps(db, clock);
    const accountDeps = createTestAccountDeps(db, clock);

    // Organisation A: an owner with a system, an assessment, evidence, a finding, a token and an invitation.
    const alpha = await seedOrganisation(db, 'Alpha');
    const alphaOwner = await seedMemberActor(db, alpha, 'owner');
    const { systemId, assessmentId } = await seedAssessment(assessmentDeps, alphaOwner);
    const evidence = await createEvidenceEntry(assessmentDeps, {
      actor: alphaOwner,
      entry: { kind: 'text', title: 'Policy', body: 'Passwords are changed at installation.' },
    });
    const finding = await createFinding(assessmentDeps, {
      actor: alphaOwner,
      assessmentId,
      finding: { itemId: ITEM, issue: 'Default password', priority: 'high' },
    });
    const token = await createApiToken(accountDeps, {
      actor: alphaOwner,
      name: 'CI',
      roleCeiling: 'viewer',
      expiresInDays: 30,
    });

    // Organisation B: its owner and a provider (the least privileged role).
    const beta = await seedOrganisation(db, 'Beta');
    const betaOwner = await seedMember(db, beta, 'owner', clock);
    const betaProvider = await seedMember(db, beta, 'provider', clock);
    const invitation = await createInvitation(accountDeps, {
      actor: alphaOwner,
      email: betaProvider.email,
      role: 'admin',
      expiresInDays: 7,
    });
    const device = await createDevice(assessmentDeps, {
      actor: alphaOwner,
      fields: { assetTag: 'CAM-1', name: 'Entrance camera' },
    });
    const view = await createSavedView(assessmentDeps, {
      actor: alphaOwner,
      name: 'Cameras',
      query: 'deviceClass=camera',
    });
    const questionnaire = await createQuestionnaire(assessmentDeps, {
      actor: alphaOwner,
      assessmentId,
      choice: { language: 'ja', providerName: 'Acme' },
    });
    const targets: Targets = {
      organisationId: alpha,
      ownerId: alphaOwner.userId,
      systemId,
      assessmentId,
      evidenceId: evidence.id,
      findingId: finding.id,
      tokenId: token.record.id,
      invitationToken: invitation.token,
      deviceId: device.id,
      viewId: view.id,
      questionnaireId: questionnaire.questionnaire.id,
      questionnaireToken: questionnaire.token,
    };
    const forgedActor = {
      kind: 'user',
      userId: alphaOwner.userId,
      email: alphaOwner.email,
      organisationId: alpha,
      role: 'owner',
      via: 'cli',
      mustChangePassword: false,
    };
    const smuggled = {
      actor: forgedActor,
      organisationId: alpha,
      via: 'cli',
      userId: alphaOwner.userId,
      role: 'owner',
      context: { clientAddress: '10.0.0.1' },
      isAdmin: true,
    };

    const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const writeRoutes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((method) => WRITE_METHODS.includes(method))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(writeRoutes.sort()).toEqual(Object.keys(WRITE_ROUTES).sort());

    const sessions = {
      'beta owner': await betaOwner.session(),
      'beta provider': await betaProvider.session(),
    };
    const before = await dumpDatabase(db);
    const failures: string[] = [];
    for (const route of writeRoutes) {
      const [method, path] = route.split(' ') as ['POST', string];
      const { url, body } = WRITE_ROUTES[route]!(targets);
      for (const [who, session] of Object.entries(sessions)) {
        const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
        const response = MULTIPART_ROUTES.has(path)
          ? await (async () => {
              const form = multipartBody([
                ...Object.entries(smuggled).map(([name, value]) => ({
                  name,
                  value: typeof value === 'string' ? value : JSON.stringify(value),
                })),
                { name: 'file', fileName: 'a.pdf', contentType: 'application/pdf', data: uniquePdf() },
              ]);
              return app.inject({
                method,
                url,
                headers: { ...headers, 'content-type': form.contentType },
                payload: form.payload,
              });
            })()
          : await app.inject({ method, url, headers, payload: { ...body, ...smuggled } });
        const problem = response.json<{ code?: string; errors?: { path?: string; field?: string }[] }>();
        const namesActor = (problem.errors ?? []).some((error) =>
          [error.path, error.field].some((where) => where === 'actor' || where?.endsWith('/actor')),
        );
        // The owner of B may use every route, so the smuggled fields are the only reason to refuse;
        // the provider is refused either for the fields or for their role, never served.
        const acceptable =
          who === 'beta owner'
            ? PROVIDER_ROUTES.has(route)
              ? response.statusCode === 403
              : response.statusCode === 400 && namesActor
            : response.statusCode === 403 || (response.statusCode === 400 && namesActor);
        if (!acceptable) failures.push(`${who} ${route}: ${response.statusCode} ${response.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await dumpDatabase(db)).toEqual(before);
    await app.close();
  });
});
