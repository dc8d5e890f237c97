// CLI and server together (the CLI's --server mode against a real server): lives outside src/ because
// the two edges never import each other there.
import { userActor } from '../../src/core/auth/actor';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/serve';
import { createApiToken } from '../../src/services/accounts/manage-api-tokens';
import { createTestAccountDeps } from '../../src/testing/test-app';
import { seedMember, seedOrganisation } from '../../src/testing/test-accounts';
import { createTestConfig } from '../../src/testing/test-config';
import type { TestDatabase } from '../../src/testing/test-database';
import { runCli } from '../../src/cli/program';

describe('iotcheck --server URL --token-file F', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iotcheck-remote-'));
  let server: RunningServer;
  let tokenFile: string;
  let email: string;
  beforeAll(async () => {
    server = await startServer(createTestConfig({ DATA_DIR: dir }));
    const database = server.database as TestDatabase;
    const organisation = await seedOrganisation(database, 'Remote');
    const admin = await seedMember(database, organisation, 'admin');
    email = admin.email;
    const actor = userActor({
      userId: admin.userId,
      email,
      organisationId: organisation,
      role: 'admin',
      via: 'session',
      mustChangePassword: false,
      authenticatedAt: new Date().toISOString(),
    });
    const { token } = await createApiToken(createTestAccountDeps(database), {
      actor,
      name: 'cli',
      roleCeiling: 'admin',
      expiresInDays: 1,
      context: { clientAddress: '127.0.0.1' },
    });
    tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, `${token}\n`);
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function run(argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    let written = '';
    const code = await runCli({
      argv: ['--server', server.url, '--token-file', tokenFile, ...argv],
      env: {},
      language: 'en',
      serve: async () => undefined,
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      write: (text) => (written += text),
    });
    return { code, out: out.join('\n'), err: err.join('\n'), written };
  }

  it('acts as the token owner in the token organisation', async () => {
    const result = await run(['whoami']);
    expect(result.code).toBe(0);
    expect(result.out).toContain(email);
    expect(result.out).toContain('admin');
  });

  it('reads the catalog and exports the audit trail from the server', async () => {
    expect((await run(['catalog', 'show', 'jssec-v2:25'])).out).toContain('25.4');
    const audit = await run(['audit', 'export', '--org', 'ignored-remotely']);
    expect(audit.code).toBe(0);
    expect(audit.written).toContain('token.create');
  });

  it('maps server problems to the same exit codes, and refuses local-only commands', async () => {
    expect((await run(['catalog', 'show', 'jssec-v2:99'])).code).toBe(66);
    const local = await run(['db', 'status']);
    expect(local.code).toBe(65);
    expect(local.err).toContain('server machine');
  });

  it('refuses a wrong token', async () => {
    writeFileSync(join(dir, 'bad'), 'ioc_not-a-real-token');
    const code = await runCli({
      argv: ['--server', server.url, '--token-file', join(dir, 'bad'), 'whoami'],
      env: {},
      language: 'en',
      serve: async () => undefined,
      out: () => undefined,
      err: () => undefined,
    });
    expect(code).toBe(77);
  });
});
