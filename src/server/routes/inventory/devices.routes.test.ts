import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEVICE_EXPORT_HEADERS } from '../../../core/inventory/device-export-columns';
import { seedMember, seedOrganisation, type TestPrincipal } from '../../../testing/test-accounts';
import { createTestApp } from '../../../testing/test-app';
import { describeEachDialect } from '../../../testing/test-database';
import { seedDevices } from '../../../testing/test-devices';

async function headersOf(principal: TestPrincipal): Promise<Record<string, string>> {
  const session = await principal.session();
  return { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
}

describeEachDialect('inventory routes', (database) => {
  let app: FastifyInstance;
  let assessor: TestPrincipal;
  let viewer: TestPrincipal;
  let admin: TestPrincipal;
  let outsider: TestPrincipal;

  beforeAll(async () => {
    app = await createTestApp(database());
    const organisationId = await seedOrganisation(database(), 'Plant');
    assessor = await seedMember(database(), organisationId, 'assessor');
    viewer = await seedMember(database(), organisationId, 'viewer');
    admin = await seedMember(database(), organisationId, 'admin');
    outsider = await seedMember(database(), await seedOrganisation(database(), 'Elsewhere'), 'owner');
    await seedDevices(database(), organisationId, 60, (i) => ({
      assetTag: `R-${String(i).padStart(3, '0')}`,
      manufacturer: ['Acme', 'Bosch', 'Canon'][i % 3]!,
      ipAddresses: i === 0 ? ['192.0.2.1', '192.0.2.2'] : [],
      tags: i === 0 ? ['屋外', 'PoE'] : [],
      name: i === 0 ? '正面玄関, "北" カメラ' : `Device ${i}`,
    }));
  });
  afterAll(async () => {
    await app.close();
  });

  const request = async (
    principal: TestPrincipal,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT',
    url: string,
    payload?: Record<string, unknown>,
  ) => app.inject({ method, url, headers: await headersOf(principal), ...(payload === undefined ? {} : { payload }) });

  it('creates, reads, changes with the version (409 with the current device when stale) and deletes as admin', async () => {
    const created = await request(assessor, 'POST', '/api/inventory/devices', {
      assetTag: 'CAM-1',
      name: '受付カメラ',
      deviceClass: 'camera',
      macAddresses: ['AA-BB-CC-00-11-22'],
    });
    expect(created.statusCode).toBe(200);
    const device = created.json<{ id: number; version: number; macAddresses: string[] }>();
    expect(device).toMatchObject({ version: 1, macAddresses: ['aa:bb:cc:00:11:22'], systemIds: [] });
    const patched = await request(assessor, 'PATCH', `/api/inventory/devices/${device.id}`, {
      version: 1,
      site: '本社',
    });
    expect(patched.json()).toMatchObject({ site: '本社', version: 2 });
    const stale = await request(assessor, 'PATCH', `/api/inventory/devices/${device.id}`, { version: 1, site: 'X' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'CONFLICT', current: { site: '本社', version: 2 } });
    const bad = await request(assessor, 'POST', '/api/inventory/devices', {
      assetTag: 'CAM-2',
      name: 'x',
      ipAddresses: ['999.1.1.1'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toContainEqual(expect.objectContaining({ field: 'ipAddresses[0]', code: 'bad_format' }));
    expect((await request(viewer, 'POST', '/api/inventory/devices', { assetTag: 'V', name: 'v' })).statusCode).toBe(
      403,
    );
    expect((await request(assessor, 'DELETE', `/api/inventory/devices/${device.id}?version=2`)).statusCode).toBe(403);
    const history = await request(viewer, 'GET', `/api/inventory/devices/${device.id}/history`);
    expect(history.json().entries.map((entry: { action: string }) => entry.action)).toEqual(['update', 'create']);
    expect(history.json().entries[0].by).toBe('assessor');
    expect((await request(admin, 'DELETE', `/api/inventory/devices/${device.id}?version=2`)).statusCode).toBe(200);
    expect((await request(viewer, 'GET', `/api/inventory/devices/${device.id}`)).statusCode).toBe(404);
  });

  it('answers another organisation’s device id with 404', async () => {
    const list = await request(viewer, 'GET', '/api/inventory/devices?limit=1');
    const id = list.json().devices[0].id as number;
    expect((await request(outsider, 'GET', `/api/inventory/devices/${id}`)).statusCode).toBe(404);
    expect(
      (await request(outsider, 'PATCH', `/api/inventory/devices/${id}`, { version: 1, name: 'Mine' })).statusCode,
    ).toBe(404);
    expect((await request(outsider, 'DELETE', `/api/inventory/devices/${id}?version=1`)).statusCode).toBe(404);
    expect((await request(outsider, 'GET', `/api/inventory/devices/${id}/history`)).statusCode).toBe(404);
    expect((await request(outsider, 'GET', '/api/inventory/devices')).json().devices).toEqual([]);
    expect((await request(viewer, 'GET', '/api/inventory/devices/not-a-number')).statusCode).toBe(404);
  });

  it('takes repeated filter values, pages with the cursor, and refuses unknown query fields', async () => {
    const one = await request(viewer, 'GET', '/api/inventory/devices?manufacturer=Acme&limit=500');
    expect(one.json().devices).toHaveLength(20);
    expect(one.json().total).toBe(20);
    const two = await request(
      viewer,
      'GET',
      '/api/inventory/devices?manufacturer=Acme&manufacturer=Canon&sort=name&dir=desc&limit=25',
    );
    expect(two.json()).toMatchObject({ total: 40 });
    const next = await request(
      viewer,
      'GET',
      `/api/inventory/devices?manufacturer=Acme&manufacturer=Canon&sort=name&dir=desc&limit=25&after=${two.json().next}`,
    );
    expect(next.json().devices).toHaveLength(15);
    expect(next.json().next).toBeNull();
    const facets = await request(viewer, 'GET', '/api/inventory/facets?manufacturer=Acme');
    expect(facets.json().facets.manufacturer).toHaveLength(3);
    const unknown = await request(viewer, 'GET', '/api/inventory/devices?organisationId=x');
    expect(unknown.statusCode).toBe(400);
    const lifecycle = await request(viewer, 'GET', '/api/inventory/lifecycle?firmwareOlderThanDays=30');
    expect(lifecycle.json()).toMatchObject({ noOwner: 60, supportEnded: 0 });
  });

  it('bulk-edits the filtered devices and links devices to a system', async () => {
    const bulk = await request(assessor, 'POST', '/api/inventory/devices/bulk', {
      selection: { filter: { manufacturer: ['Bosch'] } },
      set: { site: '川崎', building: 'B棟' },
    });
    expect(bulk.json()).toEqual({ updated: 20 });
    const facets = await request(viewer, 'GET', '/api/inventory/facets');
    expect(facets.json().facets.site).toContainEqual({ value: '川崎', count: 20 });
    const system = await request(assessor, 'POST', '/api/systems', { name: 'Building', criticality: 'important' });
    const systemId = system.json().id as string;
    const ids = (await request(viewer, 'GET', '/api/inventory/devices?limit=3'))
      .json()
      .devices.map((d: { id: number }) => d.id);
    const linked = await request(assessor, 'PUT', `/api/systems/${systemId}/devices`, { add: ids, remove: [] });
    expect(linked.json()).toEqual({ added: 3, removed: 0 });
    const unknown = await request(assessor, 'PUT', `/api/systems/${systemId}/devices`, { add: [999_999_999] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'add[0]' });
    const devices = await request(viewer, 'GET', `/api/systems/${systemId}/devices`);
    expect(devices.json().devices.map((d: { id: number }) => d.id)).toEqual(ids);
    expect((await request(viewer, 'GET', `/api/inventory/devices/${ids[0]}`)).json().systemIds).toEqual([systemId]);
    expect((await request(outsider, 'GET', `/api/systems/${systemId}/devices`)).statusCode).toBe(404);
  });

  it('exports the filtered devices as CSV (BOM, one header row, lists joined with ;) and as XLSX', async () => {
    const csv = await request(viewer, 'GET', '/api/inventory/export?format=csv&manufacturer=Acme');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('devices.csv');
    expect(csv.body.startsWith('\ufeff')).toBe(true);
    const lines = csv.body.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(DEVICE_EXPORT_HEADERS.join(','));
    expect(lines).toHaveLength(21);
    expect(lines[1]).toContain('R-000,"正面玄関, ""北"" カメラ",other,Acme');
    expect(lines[1]).toContain('192.0.2.1;192.0.2.2');
    expect(lines[1]!.endsWith('屋外;PoE')).toBe(true);

    const xlsx = await request(viewer, 'GET', '/api/inventory/export?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...DEVICE_EXPORT_HEADERS]);
    expect(sheet.rowCount).toBe(61);
  });
});
