import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { expect, it } from 'vitest';
import { createTestApp, createTestClock } from '../../../testing/test-app';
import { seedMember, seedOrganisation } from '../../../testing/test-accounts';
import { describeEachDialect } from '../../../testing/test-database';

describeEachDialect('VEX and latest-firmware routes', (database) => {
  const clock = createTestClock(new Date('2026-12-01T00:00:00.000Z'));

  it('downloads VEX in both formats, records and lists the latest firmware, refuses a viewer and a bad format', async () => {
    const db = database();
    const app = await createTestApp(db, {}, clock);
    const organisationId = await seedOrganisation(db, 'Plant');
    const assessor = await (await seedMember(db, organisationId, 'assessor', clock)).session();
    const viewer = await (await seedMember(db, organisationId, 'viewer', clock)).session();
    const as = (session: typeof assessor) => ({ cookie: session.cookie, 'x-csrf-token': session.csrfToken });

    const cdx = await app.inject({ url: '/api/vulnerabilities/vex?format=cyclonedx', headers: as(viewer) });
    expect(cdx.statusCode).toBe(200);
    expect(cdx.headers['content-type']).toContain('application/vnd.cyclonedx+json');
    expect(cdx.headers['content-disposition']).toMatch(/^attachment; filename=".*-vex-2026-12-01\.cdx\.json"/);
    expect(cdx.json()).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6', vulnerabilities: [] });
    expect(await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(cdx.body)).toBeNull();
    // CSAF has no empty VEX: with no triage yet it is refused, naming the format.
    const csaf = await app.inject({ url: '/api/vulnerabilities/vex?format=csaf', headers: as(viewer) });
    expect(csaf.statusCode).toBe(404);
    expect(csaf.json()).toMatchObject({ errors: [expect.objectContaining({ field: 'format' })] });
    expect((await app.inject({ url: '/api/vulnerabilities/vex?format=spdx', headers: as(viewer) })).statusCode).toBe(
      400,
    );

    const body = { manufacturer: 'Acme', model: 'CAM-100', version: '1.4', source: 'https://acme.example/fw' };
    const refused = await app.inject({
      method: 'PUT',
      url: '/api/vulnerabilities/latest-firmware',
      headers: as(viewer),
      payload: body,
    });
    expect(refused.statusCode).toBe(403);
    const saved = await app.inject({
      method: 'PUT',
      url: '/api/vulnerabilities/latest-firmware',
      headers: as(assessor),
      payload: body,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ ...body, releasedOn: null, updatedAt: '2026-12-01T00:00:00.000Z' });
    const list = await app.inject({ url: '/api/vulnerabilities/latest-firmware', headers: as(viewer) });
    expect(list.json()).toEqual({ items: [expect.objectContaining(body)] });
    await app.close();
  });
});
