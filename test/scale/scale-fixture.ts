// What the scale and fault tests share: a member who can sign in over HTTP, a DATA_DIR per server,
// and waiting for a background job to end.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../src/core/auth/roles';
import { updatePassword } from '../../src/db/user.repository';
import { createArgon2Hasher } from '../../src/integrations/auth/password-hasher';
import { seedMember, seedOrganisation } from '../../src/testing/test-accounts';
import type { TestDatabase } from '../../src/testing/test-database';

export const PASSWORD = 'futatsu-no-saaba-2026';

/** A member with a real password (argon2), so a test signs in over HTTP as a browser would. */
export async function seedSignedUpMember(
  database: TestDatabase,
  role: Role,
  organisationName = 'Scale',
): Promise<{ organisationId: string; userId: string; email: string }> {
  const organisationId = await seedOrganisation(database, organisationName);
  const member = await seedMember(database, organisationId, role);
  await updatePassword(database.db, member.userId, {
    passwordHash: await createArgon2Hasher().hash(PASSWORD),
    mustChangePassword: false,
    now: new Date().toISOString(),
  });
  return { organisationId, userId: member.userId, email: member.email };
}

/** Signs in on `url`; the headers (session cookie and CSRF token) work on every server of the database. */
export async function signIn(url: string, email: string): Promise<Record<string, string>> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`sign-in answered ${login.status}: ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const me = (await (await fetch(`${url}/api/auth/me`, { headers: { cookie } })).json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': me.csrfToken };
}

/** Fresh DATA_DIRs for server processes, removed together at the end. */
export function dataDirs(): { make(): string; removeAll(): void } {
  const dirs: string[] = [];
  return {
    make() {
      const dir = mkdtempSync(join(tmpdir(), 'iotcheck-scale-'));
      dirs.push(dir);
      return dir;
    },
    removeAll() {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Several servers seal secrets with the same installation key (each has its own DATA_DIR). */
export function sharedSecretKey(): string {
  return Buffer.from(randomUUID().replaceAll('-', '')).toString('base64');
}

/** Polls GET /api/jobs/:id on `url` until the job has ended (or `timeoutMs` passed). */
export async function waitForJob(
  url: string,
  headers: Record<string, string>,
  id: string,
  timeoutMs = 90_000,
): Promise<{ status: string; error?: { code: string; message: string } | null }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = (await (await fetch(`${url}/api/jobs/${id}`, { headers })).json()) as {
      status: string;
      error?: { code: string; message: string } | null;
    };
    if (job.status !== 'queued' && job.status !== 'running') return job;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Resolves once `check` is true (polled every `everyMs`); rejects naming `what` after `timeoutMs`. */
export async function until(
  what: string,
  check: () => Promise<boolean>,
  options: { timeoutMs?: number; everyMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, options.everyMs ?? 20));
  }
}
