import { expect, it } from 'vitest';
import { createSystem } from '../../../services/assessments/create-system';
import { seedLinkedDevice } from '../../../testing/seed-linked-device';
import { createTestApp, createTestClock } from '../../../testing/test-app';
import { seedMember, seedOrganisation } from '../../../testing/test-accounts';
import { createTestAssessmentDeps, seedMemberActor } from '../../../testing/test-assessments';
import { describeEachDialect } from '../../../testing/test-database';

describeEachDialect('incident routes', (database) => {
  const clock = createTestClock();

  it('opens an incident, shows it with its devices, renders vendor notifications and exports the timeline CSV', async () => {
    const db = database();
    const app = await createTestApp(db, {}, clock);
    const organisationId = await seedOrganisation(db, 'Plant');
    const owner = await seedMemberActor(db, organisationId, 'owner');
    const assessor = await seedMember(db, organisationId, 'assessor', clock);
    const { cookie, csrfToken } = await assessor.session();
    const headers = { cookie, 'x-csrf-token': csrfToken };
    const system = await createSystem(createTestAssessmentDeps(db, clock), {
      actor: owner,
      system: { name: 'Lobby', criticality: 'important' },
    });
    const deviceId = Number(
      await seedLinkedDevice(db, organisationId, {
        systemId: system.id,
        fields: { assetTag: 'CAM-9', manufacturer: 'Acme', model: 'AC-1', serialNumber: 'S-9' },
      }),
    );
    const created = await app.inject({
      method: 'POST',
      url: '/api/incidents',
      headers,
      payload: {
        title: 'Camera hijacked',
        severity: 'critical',
        detectedAt: '2026-11-22T09:00:00Z',
        systemIds: [system.id],
        deviceIds: [deviceId],
      },
    });
    expect(created.statusCode).toBe(200);
    const incident = created.json<{ id: string; reference: string; devices: { assetTag: string }[] }>();
    expect(incident).toMatchObject({ reference: 'INC-0001', devices: [{ assetTag: 'CAM-9' }] });

    const vendor = await app.inject({ url: `/api/incidents/${incident.id}/notifications/vendor?lang=en`, headers });
    expect(vendor.json<{ notifications: { manufacturer: string; body: string }[] }>().notifications).toEqual([
      expect.objectContaining({ manufacturer: 'Acme', body: expect.stringContaining('serial number: S-9') }),
    ]);

    const back = await app.inject({
      method: 'POST',
      url: `/api/incidents/${incident.id}/status`,
      headers,
      payload: { status: 'triaged', expectedVersion: 5 },
    });
    expect(back.statusCode).toBe(409);

    const csv = await app.inject({ url: `/api/incidents/${incident.id}/timeline.csv`, headers });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\ufeffseq,at,actor,kind,body')).toBe(true);
    expect(csv.body).toContain(assessor.email);

    const report = await app.inject({
      method: 'POST',
      url: `/api/incidents/${incident.id}/reports`,
      headers,
      payload: { kind: 'incident-pdf', language: 'en' },
    });
    expect(report.statusCode).toBe(202);
    const job = report.json<{ id: string; kind: string; status: string; language: string }>();
    expect(job).toMatchObject({ kind: 'incident-pdf', status: 'queued', language: 'en' });
    const polled = await app.inject({ url: `/api/jobs/${job.id}`, headers });
    expect(polled.json<{ id: string }>().id).toBe(job.id);
    const elsewhere = await app.inject({
      method: 'POST',
      url: '/api/incidents/no-such-incident/reports',
      headers,
      payload: { kind: 'incident-pdf' },
    });
    expect(elsewhere.statusCode).toBe(404);
    await app.close();
  });
});
