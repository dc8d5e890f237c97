import { expect, it } from 'vitest';
import { GENESIS_HASH, hashAuditEntry, verifyChain } from '../core/audit/audit-chain';
import { describeEachDialect } from '../testing/test-database';
import {
  appendAuditEvent,
  listAuditChainKeys,
  listAuditEvents,
  listAuditFacets,
  readAuditChain,
  readAuditChainHead,
  type AuditEventInput,
} from './audit.repository';

function input(organisationId: string | null, n: number, overrides: Partial<AuditEventInput> = {}): AuditEventInput {
  return {
    id: `${organisationId ?? 'install'}-event-${n}`,
    occurredAt: `2026-11-${String(10 + (n % 20)).padStart(2, '0')}T09:00:00.000Z`,
    organisationId,
    actorUserId: n % 2 === 0 ? 'user-even' : 'user-odd',
    actorLabel: '佐藤 愛子',
    action: n % 3 === 0 ? 'device.delete' : 'device.update',
    targetType: 'device',
    targetId: `device-${n}`,
    summary: { before: { name: `old ${n}`, tags: ['a'] }, after: { name: `new ${n}`, tags: [] } },
    ...overrides,
  };
}

describeEachDialect('audit repository', (database) => {
  const append = (value: AuditEventInput) =>
    database()
      .db.transaction()
      .execute((transaction) => appendAuditEvent(transaction, value));

  it('appends a linked, verifiable chain and keeps its head', async () => {
    const first = await append(input('org-append', 1, { requestId: 'req-1', clientAddress: '192.0.2.7' }));
    const second = await append(input('org-append', 2));
    expect(first).toMatchObject({
      chainKey: 'org-append',
      seq: 1,
      prevHash: GENESIS_HASH,
      requestId: 'req-1',
      clientAddress: '192.0.2.7',
    });
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash, requestId: null, clientAddress: null });
    expect(first.hash).toBe(hashAuditEntry(first));

    const chain = await readAuditChain(database().db, 'org-append');
    expect(chain).toEqual([first, second]);
    const head = await readAuditChainHead(database().db, 'org-append');
    expect(head).toEqual({ chainKey: 'org-append', lastSeq: 2, lastHash: second.hash });
    expect(verifyChain(chain, head)).toEqual({ ok: true, count: 2 });
  });

  it('stores the summary as canonical JSON and reads back the same entry', async () => {
    const entry = await append(
      input('org-summary', 1, {
        summary: { after: { z: 1, a: new Date('2026-11-22T00:00:00.000Z'), gone: undefined } },
      }),
    );
    expect(entry.summary).toEqual({ after: { a: '2026-11-22T00:00:00.000Z', z: 1 } });
    const row = await database()
      .db.selectFrom('audit_event')
      .select('summary')
      .where('id', '=', entry.id)
      .executeTakeFirstOrThrow();
    expect(row.summary).toBe('{"after":{"a":"2026-11-22T00:00:00.000Z","z":1}}');
    expect(await readAuditChain(database().db, 'org-summary')).toEqual([entry]);
  });

  it('keeps installation-wide events in their own chain', async () => {
    const entry = await append(input(null, 1));
    expect(entry).toMatchObject({ chainKey: '', organisationId: null, seq: 1 });
    expect(await readAuditChainHead(database().db, '')).toMatchObject({ lastSeq: 1 });
  });

  it('serialises concurrent appends to one chain into seq 1..20', async () => {
    const entries = await Promise.all(
      Array.from({ length: 20 }, (_, index) => append(input('org-concurrent', index + 1))),
    );
    expect(entries.map((entry) => entry.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, index) => index + 1),
    );
    const chain = await readAuditChain(database().db, 'org-concurrent');
    expect(verifyChain(chain, await readAuditChainHead(database().db, 'org-concurrent'))).toEqual({
      ok: true,
      count: 20,
    });
  });

  it('appends to different chains concurrently without mixing them', async () => {
    const organisations = ['org-par-a', 'org-par-b', 'org-par-c'];
    await Promise.all(
      organisations.flatMap((organisation) =>
        Array.from({ length: 5 }, (_, index) => append(input(organisation, index + 1))),
      ),
    );
    for (const organisation of organisations) {
      const chain = await readAuditChain(database().db, organisation);
      expect(chain.map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(verifyChain(chain, await readAuditChainHead(database().db, organisation))).toEqual({ ok: true, count: 5 });
    }
  });

  it('leaves no entry and no head behind when the caller’s transaction rolls back', async () => {
    await expect(
      database()
        .db.transaction()
        .execute(async (transaction) => {
          await appendAuditEvent(transaction, input('org-rollback', 1));
          throw new Error('the audited change failed');
        }),
    ).rejects.toThrow('the audited change failed');
    expect(await readAuditChain(database().db, 'org-rollback')).toEqual([]);
    expect(await readAuditChainHead(database().db, 'org-rollback')).toBeNull();
    const entry = await append(input('org-rollback', 2));
    expect(entry).toMatchObject({ seq: 1, prevHash: GENESIS_HASH });
  });

  it('refuses a second event with the same id', async () => {
    await append(input('org-dup', 1));
    await expect(append(input('org-dup', 1))).rejects.toThrow();
    expect(await readAuditChainHead(database().db, 'org-dup')).toMatchObject({ lastSeq: 1 });
  });

  it('lists one organisation’s events with filters and keyset pages', async () => {
    for (let n = 1; n <= 9; n += 1) await append(input('org-list', n));
    await append(input('org-other', 1));
    const db = database().db;

    const all = await listAuditEvents(db, { organisationId: 'org-list', limit: 100 });
    expect(all.entries.map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(all.nextSeq).toBeNull();

    const pages: number[][] = [];
    let afterSeq: number | undefined;
    do {
      const page = await listAuditEvents(db, { organisationId: 'org-list', afterSeq, limit: 4 });
      pages.push(page.entries.map((entry) => entry.seq));
      afterSeq = page.nextSeq ?? undefined;
    } while (afterSeq !== undefined);
    expect(pages).toEqual([[1, 2, 3, 4], [5, 6, 7, 8], [9]]);

    const byUser = await listAuditEvents(db, { organisationId: 'org-list', userId: 'user-even', limit: 100 });
    expect(byUser.entries.map((entry) => entry.seq)).toEqual([2, 4, 6, 8]);
    const byAction = await listAuditEvents(db, { organisationId: 'org-list', action: 'device.delete', limit: 100 });
    expect(byAction.entries.map((entry) => entry.seq)).toEqual([3, 6, 9]);
    const byTime = await listAuditEvents(db, {
      organisationId: 'org-list',
      from: '2026-11-13T09:00:00.000Z',
      to: '2026-11-16T09:00:00.000Z',
      limit: 100,
    });
    expect(byTime.entries.map((entry) => entry.seq)).toEqual([3, 4, 5]);
    const combined = await listAuditEvents(db, {
      organisationId: 'org-list',
      userId: 'user-odd',
      action: 'device.update',
      afterSeq: 1,
      limit: 2,
    });
    expect(combined.entries.map((entry) => entry.seq)).toEqual([5, 7]);
    expect(combined.nextSeq).toBe(7);
  });

  it('pages newest first with beforeSeq, and lists who acted and which actions occur', async () => {
    for (let n = 1; n <= 5; n += 1)
      await append(input('org-newest', n, n === 5 ? { actorLabel: 'Sato Aiko (renamed)' } : {}));
    await append(input('org-newest', 6, { actorUserId: null, actorLabel: 'anonymous', action: 'auth.locked' }));
    await append(input('org-newest-other', 1, { action: 'system.create' }));
    const db = database().db;
    const pages: number[][] = [];
    let beforeSeq: number | undefined;
    do {
      const page = await listAuditEvents(db, { organisationId: 'org-newest', newestFirst: true, beforeSeq, limit: 4 });
      pages.push(page.entries.map((entry) => entry.seq));
      beforeSeq = page.nextSeq ?? undefined;
    } while (beforeSeq !== undefined);
    expect(pages).toEqual([
      [6, 5, 4, 3],
      [2, 1],
    ]);
    expect(await listAuditFacets(db, 'org-newest')).toEqual({
      actors: [
        { userId: 'user-odd', label: 'Sato Aiko (renamed)' },
        { userId: 'user-even', label: '佐藤 愛子' },
      ],
      actions: ['auth.locked', 'device.delete', 'device.update'],
    });
  });

  it('lists every chain, including one whose entries were all deleted', async () => {
    await append(input('org-keys', 1));
    await database().db.deleteFrom('audit_event').where('chain_key', '=', 'org-keys').execute();
    const keys = await listAuditChainKeys(database().db);
    expect(keys).toContain('org-keys');
    expect(keys).toContain('');
    expect(keys).toEqual([...keys].sort());
    expect(new Set(keys).size).toBe(keys.length);
  });
});
