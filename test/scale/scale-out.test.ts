// Two real server processes on one PostgreSQL with EVIDENCE_STORE=postgres: what a load balancer
// needs from them (any request to any server) is tested here, over HTTP.
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updatePassword } from '../../src/db/user.repository';
import { createArgon2Hasher } from '../../src/integrations/auth/password-hasher';
import { seedMember, seedOrganisation } from '../../src/testing/test-accounts';
import { seedAssessmentRow } from '../../src/testing/test-assessment-rows';
import { createPostgresTestDatabase, testPostgresUrl, type TestDatabase } from '../../src/testing/test-database';
import { multipartBody, uniquePdf } from '../../src/testing/test-evidence';
import { startServerProcess, type ServerProcess } from './server-process';

const PASSWORD = 'futatsu-no-saaba-2026';
/** Both servers seal secrets with the same installation key (each has its own DATA_DIR). */
const SECRET_KEY = Buffer.from(randomUUID().replaceAll('-', '')).toString('base64');
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.skipIf(testPostgresUrl() === '')('two servers on one PostgreSQL', () => {
  let database: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  let assessmentId: string;
  let email: string;
  let headers: Record<string, string>;
  const dirs: string[] = [];

  beforeAll(async () => {
    database = await createPostgresTestDatabase(testPostgresUrl());
    const organisationId = await seedOrganisation(database, 'Scale');
    assessmentId = await seedAssessmentRow(database, organisationId);
    const member = await seedMember(database, organisationId, 'assessor');
    email = member.email;
    await updatePassword(database.db, member.userId, {
      passwordHash: await createArgon2Hasher().hash(PASSWORD),
      mustChangePassword: false,
      now: new Date().toISOString(),
    });
    // Each server has its own DATA_DIR (nothing shared on disk) and the same database.
    const env = () => {
      const dir = mkdtempSync(join(tmpdir(), 'iotcheck-scale-'));
      dirs.push(dir);
      return { DATABASE_URL: database.url, EVIDENCE_STORE: 'postgres', DATA_DIR: dir, SECRET_KEY: SECRET_KEY };
    };
    [a, b] = await Promise.all([startServerProcess(env()), startServerProcess(env())]);
  }, 300_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.destroy();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('signs in on A and uses the session on B', async () => {
    const login = await fetch(`${a.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^iotcheck_session=/);
    const me = await fetch(`${b.url}/api/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    const body = (await me.json()) as { user?: { email: string }; csrfToken: string };
    expect(body.user?.email).toBe(email);
    headers = { cookie, 'x-csrf-token': body.csrfToken };
  });

  it('uploads evidence on A and downloads the same bytes from B', async () => {
    const pdf = uniquePdf();
    const form = multipartBody([{ name: 'file', fileName: 'scan.pdf', contentType: 'application/pdf', data: pdf }]);
    const created = await fetch(`${a.url}/api/evidence`, {
      method: 'POST',
      headers: { ...headers, 'content-type': form.contentType },
      body: new Uint8Array(form.payload),
    });
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };
    const download = await fetch(`${b.url}/api/evidence/${id}/download`, { headers });
    expect(download.status).toBe(200);
    expect(sha(Buffer.from(await download.arrayBuffer()))).toBe(sha(pdf));
  });

  it('runs a report queued on A exactly once and serves it from B', async () => {
    const asked = await fetch(`${a.url}/api/assessments/${assessmentId}/reports`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'assessment-yaml', language: 'en' }),
    });
    expect(asked.status).toBe(202);
    const { id } = (await asked.json()) as { id: string };
    const job = await waitForJob(b.url, id);
    expect(job.status).toBe('succeeded');
    const download = await fetch(`${b.url}/api/jobs/${id}/download`, { headers });
    expect(download.status).toBe(200);
    expect(await download.text()).toContain(assessmentId);
    const row = await database.db.selectFrom('job').select('attempts').where('id', '=', id).executeTakeFirstOrThrow();
    expect(Number(row.attempts)).toBe(1);
  });

  it('runs each of many jobs queued at once exactly once, shared by both servers', async () => {
    const ids: string[] = [];
    for (let index = 0; index < 8; index += 1) {
      const server = index % 2 === 0 ? a : b;
      const asked = await fetch(`${server.url}/api/assessments/${assessmentId}/reports`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'assessment-json', language: index % 2 === 0 ? 'en' : 'ja' }),
      });
      expect(asked.status).toBe(202);
      ids.push(((await asked.json()) as { id: string }).id);
    }
    for (const id of ids) expect((await waitForJob(a.url, id)).status).toBe('succeeded');
    // Every claim counts an attempt: one attempt each means no job ran twice (nor was taken over).
    const rows = await database.db
      .selectFrom('job')
      .select(['id', 'attempts', 'status'])
      .where('id', 'in', ids)
      .execute();
    expect(rows.map((row) => [Number(row.attempts), row.status])).toEqual(ids.map(() => [1, 'succeeded']));
    const stored = await database.db
      .selectFrom('stored_file')
      .select('name')
      .where('area', '=', 'job')
      .where('name', 'in', ids)
      .execute();
    expect(stored).toHaveLength(ids.length);
  }, 120_000);

  it('a job left running by a dead server is run again by the survivor once its lease lapses', async () => {
    const asked = await fetch(`${a.url}/api/assessments/${assessmentId}/reports`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'assessment-yaml', language: 'ja' }),
    }).then((response) => response.json() as Promise<{ id: string }>);
    // What a kill -9 mid-job leaves: the row running, held by a worker that will never renew it.
    // (A may have claimed it first; then it simply finished and this is a no-op the test notices.)
    const claimed = await database.db
      .updateTable('job')
      .set({
        status: 'running',
        locked_by: 'killed-server',
        lease_until: new Date(Date.now() + 2000).toISOString(),
        attempts: 1,
      })
      .where('id', '=', asked.id)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    const job = await waitForJob(a.url, asked.id);
    expect(job.status).toBe('succeeded');
    const row = await database.db
      .selectFrom('job')
      .select('attempts')
      .where('id', '=', asked.id)
      .executeTakeFirstOrThrow();
    expect(Number(row.attempts)).toBe(Number(claimed.numUpdatedRows) === 1 ? 2 : 1);
  }, 120_000);

  async function waitForJob(url: string, id: string): Promise<{ status: string }> {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const job = (await (await fetch(`${url}/api/jobs/${id}`, { headers })).json()) as { status: string };
      if (job.status !== 'queued' && job.status !== 'running') return job;
      if (Date.now() > deadline) throw new Error(`job ${id} still ${job.status} after 90 s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
});
