import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedLinkedDevice } from '../../../testing/seed-linked-device';
import { seedMember, seedOrganisation, type TestPrincipal } from '../../../testing/test-accounts';
import { createTestApp } from '../../../testing/test-app';
import { createSqliteTestDatabase, type TestDatabase } from '../../../testing/test-database';
import { multipartBody } from '../../../testing/test-evidence';

const cycloneDx = (components: unknown[]) =>
  JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, components });

describe('POST /api/inventory/sboms', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let dataDir: string;
  let assessor: TestPrincipal;
  let otherDevice: string;
  beforeAll(async () => {
    database = await createSqliteTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'iotcheck-sbom-route-'));
    app = await createTestApp(database, { DATA_DIR: dataDir });
    assessor = await seedMember(database, await seedOrganisation(database, 'Plant'), 'assessor');
    otherDevice = await seedLinkedDevice(database, await seedOrganisation(database, 'Elsewhere'));
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const upload = async (content: string, fields: Record<string, string>) => {
    const body = multipartBody([
      { name: 'file', fileName: 'router.cdx.json', contentType: 'application/json', data: Buffer.from(content) },
      // The fields after the file: the route spools the file before it reads them.
      ...Object.entries(fields).map(([name, value]) => ({ name, value })),
    ]);
    const session = await assessor.session();
    return app.inject({
      method: 'POST',
      url: '/api/inventory/sboms',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': body.contentType },
      payload: body.payload,
    });
  };
  const stored = () => database.db.selectFrom('sbom').select(['manufacturer', 'model', 'component_count']).execute();

  it('stores an SBOM for a model and leaves no spooled copy behind', async () => {
    const response = await upload(
      cycloneDx([{ type: 'library', name: 'busybox', version: '1.36.1', purl: 'pkg:generic/busybox@1.36.1' }]),
      { manufacturer: 'Acme', model: 'R-1' },
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      manufacturer: 'Acme',
      model: 'R-1',
      deviceId: null,
      format: 'cyclonedx',
      specVersion: '1.6',
      fileName: 'router.cdx.json',
      componentCount: 1,
      identifiedComponents: 1,
      replaced: false,
    });
    expect(await stored()).toEqual([{ manufacturer: 'Acme', model: 'R-1', component_count: 1 }]);
    expect(readdirSync(join(dataDir, 'tmp'))).toEqual([]);
  });

  it('refuses an invalid SBOM with located problems, an unknown field, a missing target, and another organisation’s device', async () => {
    const invalid = await upload(cycloneDx([{ type: 'library', version: '1' }]), { model: 'R-2' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors[0]).toMatchObject({ file: 'router.cdx.json', reason: expect.any(String) });
    expect(JSON.stringify(invalid.json())).not.toContain(dataDir);
    const unknown = await upload(cycloneDx([]), { model: 'R-2', colour: 'red' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([expect.objectContaining({ field: 'colour' })]);
    const noTarget = await upload(cycloneDx([]), {});
    expect(noTarget.statusCode).toBe(400);
    const foreign = await upload(cycloneDx([]), { deviceId: otherDevice });
    expect(foreign.statusCode).toBe(404);
    expect(await stored()).toEqual([{ manufacturer: 'Acme', model: 'R-1', component_count: 1 }]);
  });

  it('lists the SBOMs of a model and their components; refuses an unknown query field', async () => {
    const session = await assessor.session();
    const get = (url: string) => app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
    const listed = await get('/api/inventory/sboms?manufacturer=Acme&model=R-1');
    expect(listed.statusCode).toBe(200);
    const [sbom] = listed.json().items;
    expect(sbom).toMatchObject({ model: 'R-1', componentCount: 1, fileName: 'router.cdx.json' });
    const components = await get(`/api/inventory/sboms/${sbom.id}/components`);
    expect(components.statusCode).toBe(200);
    expect(components.json()).toMatchObject({
      items: [{ position: 0, name: 'busybox', version: '1.36.1', purl: 'pkg:generic/busybox@1.36.1' }],
      nextAfter: null,
    });
    expect((await get('/api/inventory/sboms?colour=red')).statusCode).toBe(400);
    expect((await get('/api/inventory/sboms/nope/components')).statusCode).toBe(404);
  });
});
