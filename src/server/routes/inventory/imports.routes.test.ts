import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMember, seedOrganisation, type TestPrincipal } from '../../../testing/test-accounts';
import { createTestApp } from '../../../testing/test-app';
import { createSqliteTestDatabase, type TestDatabase } from '../../../testing/test-database';
import { multipartBody } from '../../../testing/test-evidence';

describe('POST /api/inventory/imports', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let dataDir: string;
  let assessor: TestPrincipal;
  beforeAll(async () => {
    database = await createSqliteTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'iotcheck-import-route-'));
    app = await createTestApp(database, { DATA_DIR: dataDir, IMPORT_MAX_BYTES: '2048' });
    assessor = await seedMember(database, await seedOrganisation(database, 'Plant'), 'assessor');
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const upload = async (csv: string | Buffer, query = '') => {
    const body = multipartBody([
      { name: 'file', fileName: '台帳.csv', contentType: 'text/csv', data: Buffer.from(csv) },
    ]);
    const session = await assessor.session();
    return app.inject({
      method: 'POST',
      url: `/api/inventory/imports${query}`,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': body.contentType },
      payload: body.payload,
    });
  };
  const spooled = () => readdirSync(join(dataDir, 'tmp'));

  it('dry-runs, then imports an uploaded file, and leaves no spooled copy behind', async () => {
    const csv = '資産番号,機器名,IPアドレス\nA-1,カメラ,10.0.0.1\nA-2,センサー,10.0.0.2\n';
    const dry = await upload(csv, '?dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, importId: null, created: 2 });
    const real = await upload(csv);
    expect(real.json()).toMatchObject({ dryRun: false, rows: 2, created: 2, format: 'csv', encoding: 'utf-8' });
    expect(real.json().importId).toEqual(expect.any(String));
    expect(spooled()).toEqual([]);
  });

  it('refuses a file with problems as a 400 naming row, column, value and reason', async () => {
    const response = await upload('asset_tag,name,mac_address\nB-1,x,00:11\n');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ row: 2, column: 3, field: 'mac_address', value: '00:11', code: 'not_a_mac' }),
    ]);
    expect(spooled()).toEqual([]);
  });

  it('refuses a file larger than IMPORT_MAX_BYTES with 413', async () => {
    const response = await upload(`asset_tag,name\n${'C-1,x\n'.repeat(1000)}`);
    expect(response.statusCode).toBe(413);
    expect(spooled()).toEqual([]);
  });
});
