// A device import on a DATA_DIR that runs out of space (a tmpfs with a size limit holding the
// SQLite database and the spool folder): 507 STORAGE_FULL, nothing of the file in the inventory, no
// spooled copy left; once space is freed the same upload imports.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../src/db/connect';
import { migrateToLatest } from '../../src/db/migrate';
import { seedMember, seedOrganisation, type TestPrincipal } from '../../src/testing/test-accounts';
import { createTestApp } from '../../src/testing/test-app';
import type { TestDatabase } from '../../src/testing/test-database';
import { multipartBody } from '../../src/testing/test-evidence';

const DISK = 24 * 1024 * 1024;
const ROWS = 20_000;

/** Mounts a tmpfs of DISK bytes (root only); the reason it cannot, or undefined when mounted. */
function mountSmallDisk(dir: string): string | undefined {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${DISK}`, 'tmpfs', dir], { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    return `cannot mount a small tmpfs here (${(error as Error).message.split('\n')[0]})`;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'iotcheck-full-import-'));
const cannotMount = mountSmallDisk(dir);
if (cannotMount) rmSync(dir, { recursive: true, force: true });
if (cannotMount && process.env['CI'] === 'true') throw new Error(`CI=true: ${cannotMount}`);

function deviceCsv(): Buffer {
  const lines = ['asset_tag,name,ip_address,location,manufacturer'];
  for (let index = 0; index < ROWS; index += 1) {
    const tag = `FULL-${String(index).padStart(6, '0')}`;
    lines.push(`${tag},Meter ${index},10.1.${(index >> 8) & 255}.${index & 255},Floor ${index % 9},${'n'.repeat(40)}`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

describe.skipIf(cannotMount !== undefined)(`a full disk during a device import (${cannotMount ?? 'tmpfs'})`, () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let assessor: TestPrincipal;
  const ballast = join(dir, 'ballast');
  const csv = deviceCsv();

  beforeAll(async () => {
    const opened = connectDatabase({ kind: 'sqlite', file: join(dir, 'iotcheck.sqlite') });
    await migrateToLatest(opened);
    database = { ...opened, url: `sqlite:${join(dir, 'iotcheck.sqlite')}`, destroy: () => opened.close() };
    app = await createTestApp(database, { DATA_DIR: dir });
    assessor = await seedMember(database, await seedOrganisation(database, 'Full'), 'assessor');
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
    execFileSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  });

  const upload = async () => {
    const body = multipartBody([{ name: 'file', fileName: 'meters.csv', contentType: 'text/csv', data: csv }]);
    const session = await assessor.session();
    return app.inject({
      method: 'POST',
      url: '/api/inventory/imports',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': body.contentType },
      payload: body.payload,
    });
  };
  const devices = async () =>
    Number(
      (
        await database.db
          .selectFrom('device')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('organisation_id', '=', assessor.organisationId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** Fills the disk until `free` bytes are left. */
  const leaveFree = (free: number) => {
    rmSync(ballast, { force: true });
    const stats = statfsSync(dir);
    writeFileSync(ballast, Buffer.alloc(Math.max(0, stats.bavail * stats.bsize - free)));
  };
  const spooled = () => readdirSync(join(dir, 'tmp'));

  it('refuses as 507 STORAGE_FULL when the spooled upload does not fit, leaving nothing', async () => {
    leaveFree(csv.length / 2);
    const response = await upload();
    expect(response.statusCode).toBe(507);
    expect(response.json()).toMatchObject({ code: 'STORAGE_FULL', detail: expect.stringMatching(/no space left/) });
    expect(spooled()).toEqual([]);
    expect(await devices()).toBe(0);
  });

  it('refuses as 507 STORAGE_FULL when the database runs out of space, rolling the whole file back', async () => {
    // The upload fits, the devices (rows and indexes in the WAL) do not.
    leaveFree(csv.length + 512 * 1024);
    const response = await upload();
    // SQLite rolled the transaction back itself (SQLITE_FULL); the rollback that followed used to
    // fail with "no transaction is active" and hide the cause behind a bare 500.
    expect(response.statusCode).toBe(507);
    expect(response.json()).toMatchObject({
      code: 'STORAGE_FULL',
      detail: expect.stringMatching(/Nothing was stored/),
    });
    expect(spooled()).toEqual([]);
    expect(await devices()).toBe(0);
  });

  it('imports the same file once space is freed', async () => {
    rmSync(ballast, { force: true });
    const response = await upload();
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ rows: ROWS, created: ROWS, updated: 0 });
    expect(await devices()).toBe(ROWS);
    expect(spooled()).toEqual([]);
  });
});
