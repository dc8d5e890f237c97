import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { appendAuditEvent } from '../../db/audit.repository';
import { describeEachDialect } from '../../testing/test-database';
import { runCli } from '../program';

describeEachDialect('iotcheck audit', (database) => {
  async function run(argv: string[], language: 'ja' | 'en' = 'en') {
    const out: string[] = [];
    const err: string[] = [];
    let written = '';
    const code = await runCli({
      argv,
      env: { LOG_LEVEL: 'silent', DATABASE_URL: database().url },
      language,
      serve: async () => undefined,
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      write: (text) => (written += text),
    });
    return { code, out: out.join('\n'), err: err.join('\n'), written };
  }

  async function appendMany(organisationId: string, count: number): Promise<void> {
    for (let n = 1; n <= count; n += 1) {
      await database()
        .db.transaction()
        .execute((transaction) =>
          appendAuditEvent(transaction, {
            id: `${organisationId}-event-${n}`,
            occurredAt: `2026-11-2${n}T09:00:00.000Z`,
            organisationId,
            actorUserId: `user-${n}`,
            actorLabel: '佐藤 愛子',
            action: n === 2 ? 'device.delete' : 'device.update',
            targetType: 'device',
            targetId: `device-${n}`,
            summary: { after: { name: `device ${n}` } },
          }),
        );
    }
  }

  it('says so when there is nothing to verify', async () => {
    const result = await run(['audit', 'verify']);
    expect(result).toMatchObject({ code: 0, out: 'There are no audit entries yet.' });
  });

  it('exports an organisation’s events as CSV, to standard output or a file', async () => {
    await appendMany('org-export', 3);
    const result = await run([
      'audit',
      'export',
      '--org',
      'org-export',
      '--action',
      'device.update',
      '--from',
      '2026-11-21',
      '--to',
      '2026-11-23',
    ]);
    expect(result.code).toBe(0);
    expect(result.written.startsWith('\ufeffseq,')).toBe(true);
    expect(result.written).toContain('org-export-event-1');
    expect(result.written).not.toContain('org-export-event-2');
    expect(result.written).toContain('org-export-event-3');

    const dir = mkdtempSync(join(tmpdir(), 'iotcheck-audit-'));
    try {
      const file = join(dir, 'audit.csv');
      expect((await run(['audit', 'export', '--org', 'org-export', '--user', 'user-2', '-o', file])).code).toBe(0);
      expect(readFileSync(file, 'utf8')).toContain('org-export-event-2');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an export without an organisation or with a bad date', async () => {
    expect((await run(['audit', 'export'])).code).toBe(64);
    const result = await run(['audit', 'export', '--org', 'org-export', '--from', 'last week']);
    expect(result.code).toBe(65);
    expect(result.err).toContain('VALIDATION_FAILED');
  });

  it('passes intact chains and exits non-zero naming the entry after tampering', async () => {
    await appendMany('org-cli', 3);
    const intact = await run(['audit', 'verify']);
    expect(intact.code).toBe(0);
    expect(intact.out).toContain('org-cli: intact, 3 entries');

    await sql`update audit_event set actor_label = ${'Mallory'} where chain_key = ${'org-cli'} and seq = ${2}`.execute(
      database().db,
    );
    const broken = await run(['audit', 'verify']);
    expect(broken.code).toBe(65);
    expect(broken.out).toContain('org-export: intact, 3 entries');
    expect(broken.out).toContain(
      'org-cli: BROKEN at seq 2 (id org-cli-event-2): its content does not match its hash (edited)',
    );
    expect(broken.err).toContain('[AUDIT_CHAIN_BROKEN]');
    expect(broken.err).toContain('chain org-cli, seq 2 (id org-cli-event-2)');

    const onlyOther = await run(['audit', 'verify', '--org', 'org-export']);
    expect(onlyOther.code).toBe(0);
  });

  it('reports in Japanese when the terminal is Japanese', async () => {
    await appendMany('org-ja', 3);
    await sql`delete from audit_event where chain_key = ${'org-ja'} and seq = ${2}`.execute(database().db);
    const result = await run(['audit', 'verify', '--org', 'org-ja'], 'ja');
    expect(result.code).toBe(65);
    expect(result.out).toBe('org-ja: seq 3（ID org-ja-event-3）で破損: これより前のエントリが欠けている（削除）');
    expect(result.err).toContain('監査ログが改ざんされています');
  });
});
