import { expect, it } from 'vitest';
import { appendAuditEvent, type AuditEventInput } from '../../db/audit.repository';
import { describeEachDialect } from '../../testing/test-database';
import { exportAuditCsv } from './export-audit-csv';

function input(organisationId: string, n: number, overrides: Partial<AuditEventInput> = {}): AuditEventInput {
  return {
    id: `${organisationId}-event-${n}`,
    occurredAt: `2026-11-${String(20 + n).padStart(2, '0')}T23:30:00.000Z`,
    organisationId,
    actorUserId: n === 2 ? 'user-2' : 'user-1',
    actorLabel: '佐藤 愛子',
    action: n === 3 ? 'device.delete' : 'device.update',
    targetType: 'device',
    targetId: `device-${n}`,
    summary: { before: { name: `旧 ${n}` }, after: { name: `新 ${n}`, note: 'a "quoted", multi\nline value' } },
    ...overrides,
  };
}

describeEachDialect('exportAuditCsv', (database) => {
  const deps = () => ({ database: database() });

  it('exports one organisation’s events as CSV with a BOM, JSON summaries and hashes', async () => {
    for (let n = 1; n <= 4; n += 1) {
      await database()
        .db.transaction()
        .execute((transaction) => appendAuditEvent(transaction, input('org-csv', n)));
    }
    await database()
      .db.transaction()
      .execute((transaction) => appendAuditEvent(transaction, input('org-elsewhere', 1)));
    const file = await exportAuditCsv(deps(), { organisationId: 'org-csv' });
    expect(file).toMatchObject({ mediaType: 'text/csv', extension: 'csv' });
    expect(
      file.content.startsWith(
        '\ufeffseq,occurred_at,id,actor_user_id,actor_label,action,target_type,target_id,before,after,request_id,client_address,organisation_id,prev_hash,hash\r\n',
      ),
    ).toBe(true);
    expect(file.content).toContain(
      '1,2026-11-21T23:30:00.000Z,org-csv-event-1,user-1,佐藤 愛子,device.update,device,device-1,"{""name"":""旧 1""}",',
    );
    expect(file.content).toContain('"{""name"":""新 1"",""note"":""a \\""quoted\\"", multi\\nline value""}"');
    expect(file.content).not.toContain('org-elsewhere');
    expect(file.content.match(/^\d+,/gm)).toHaveLength(4);
  });

  it('filters by user, action and period; a date alone as "to" includes that day', async () => {
    const ids = async (options: Omit<Parameters<typeof exportAuditCsv>[1], 'organisationId'>) =>
      [
        ...(await exportAuditCsv(deps(), { organisationId: 'org-csv', ...options })).content.matchAll(
          /org-csv-event-(\d)/g,
        ),
      ].map((match) => Number(match[1]));
    expect(await ids({ userId: 'user-2' })).toEqual([2]);
    expect(await ids({ action: 'device.delete' })).toEqual([3]);
    expect(await ids({ from: '2026-11-22', to: '2026-11-23' })).toEqual([2, 3]);
    expect(await ids({ from: '2026-11-22T23:30:00Z', to: '2026-11-23T23:30:00Z' })).toEqual([2]);
    expect(await ids({ from: '2026-11-23T08:30:00+09:00' })).toEqual([2, 3, 4]);
  });

  it('pages through more events than fit on one page, ending on a full page', async () => {
    await database()
      .db.transaction()
      .execute(async (transaction) => {
        for (let n = 1; n <= 1000; n += 1)
          await appendAuditEvent(transaction, input('org-many', n, { occurredAt: '2026-11-22T00:00:00.000Z' }));
      });
    const file = await exportAuditCsv(deps(), { organisationId: 'org-many' });
    expect(file.content.match(/^\d+,/gm)).toHaveLength(1000);
  });

  it('neutralises values a spreadsheet would run as formulas', async () => {
    await database()
      .db.transaction()
      .execute((transaction) =>
        appendAuditEvent(
          transaction,
          input('org-formula', 1, { actorLabel: '=HYPERLINK("http://example.invalid")', targetId: '@SUM(A1)' }),
        ),
      );
    const { content } = await exportAuditCsv(deps(), { organisationId: 'org-formula' });
    expect(content).toContain(`"'=HYPERLINK(""http://example.invalid"")"`);
    expect(content).toContain(",'@SUM(A1),");
  });

  it('refuses a period that is not an ISO 8601 date or time', async () => {
    for (const from of ['yesterday', '2026-02-30', '2026-11-22 09:00', '2026-11-22T09:00']) {
      await expect(exportAuditCsv(deps(), { organisationId: 'org-csv', from })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
    }
  });
});
