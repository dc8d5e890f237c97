import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { hashAuditEntry, type UnhashedAuditEntry } from '../../core/audit/audit-chain';
import { appendAuditEvent, readAuditChain, type AuditEventInput } from '../../db/audit.repository';
import { describeEachDialect } from '../../testing/test-database';
import { verifyAuditTrail } from './verify-audit-trail';

function input(organisationId: string | null, n: number): AuditEventInput {
  return {
    id: `${organisationId ?? 'install'}-event-${n}`,
    occurredAt: `2026-11-22T09:00:${String(n % 60).padStart(2, '0')}.000Z`,
    organisationId,
    actorUserId: 'user-1',
    actorLabel: 'Aiko Sato',
    action: 'membership.update',
    targetType: 'membership',
    targetId: `membership-${n}`,
    summary: { before: { role: 'viewer' }, after: { role: 'editor' } },
  };
}

describeEachDialect('verifyAuditTrail', (database) => {
  const deps = () => ({ database: database() });

  async function appendMany(organisationId: string | null, count: number): Promise<void> {
    for (let n = 1; n <= count; n += 1) {
      await database()
        .db.transaction()
        .execute((transaction) => appendAuditEvent(transaction, input(organisationId, n)));
    }
  }

  async function verifyOne(organisationId: string) {
    const [report] = await verifyAuditTrail(deps(), { organisationId });
    return report?.result;
  }

  it('finds intact chains intact, one or all', async () => {
    await appendMany('org-intact', 5);
    await appendMany(null, 2);
    expect(await verifyOne('org-intact')).toEqual({ ok: true, count: 5 });
    expect(await verifyAuditTrail(deps(), { organisationId: null })).toEqual([
      { chainKey: '', result: { ok: true, count: 2 } },
    ]);
    const all = await verifyAuditTrail(deps());
    expect(all.map((report) => report.chainKey)).toEqual(['', 'org-intact']);
    expect(all.every((report) => report.result.ok)).toBe(true);
  });

  it('stays intact when an entry carries lone surrogates, storing the well-formed text it hashed', async () => {
    const append = (event: AuditEventInput) =>
      database()
        .db.transaction()
        .execute((transaction) => appendAuditEvent(transaction, event));
    await append(input('org-surrogate', 1));
    await append({
      ...input('org-surrogate', 2),
      actorLabel: 'ev\ud800il@example.jp',
      targetId: 'member-\udfff',
      summary: { before: { name: 'a\ud83d' }, after: { ['k\ud800']: ['\udc00'] } },
    });
    await append(input('org-surrogate', 3));
    expect(await verifyOne('org-surrogate')).toEqual({ ok: true, count: 3 });
    const stored = (await readAuditChain(database().db, 'org-surrogate'))[1];
    expect(stored).toMatchObject({
      actorLabel: 'ev\ufffdil@example.jp',
      targetId: 'member-\ufffd',
      summary: { before: { name: 'a\ufffd' }, after: { ['k\ufffd']: ['\ufffd'] } },
    });
  });

  it('finds an organisation without events intact and empty', async () => {
    expect(await verifyOne('org-none')).toEqual({ ok: true, count: 0 });
  });

  it('stays valid after 20 concurrent appends, and verifying meanwhile never raises a false alarm', async () => {
    const appends = Array.from({ length: 20 }, (_, index) =>
      database()
        .db.transaction()
        .execute((transaction) => appendAuditEvent(transaction, input('org-busy', index + 1))),
    );
    const verifications = Array.from({ length: 5 }, () => verifyOne('org-busy'));
    const [, results] = await Promise.all([Promise.all(appends), Promise.all(verifications)]);
    expect(results.every((result) => result?.ok)).toBe(true);
    expect(await verifyOne('org-busy')).toEqual({ ok: true, count: 20 });
    expect((await readAuditChain(database().db, 'org-busy')).map((entry) => entry.seq)).toEqual(
      Array.from({ length: 20 }, (_, index) => index + 1),
    );
  });

  it('names an entry whose summary was changed in the database as edited', async () => {
    await appendMany('org-edited', 5);
    const edited = '{"after":{"role":"owner"},"before":{"role":"viewer"}}';
    await sql`update audit_event set summary = ${edited} where chain_key = ${'org-edited'} and seq = ${3}`.execute(
      database().db,
    );
    expect(await verifyOne('org-edited')).toEqual({
      ok: false,
      count: 5,
      brokenAt: { seq: 3, id: 'org-edited-event-3', problem: 'edited' },
    });
  });

  it('names an entry whose summary is no longer JSON as edited', async () => {
    await appendMany('org-garbled', 3);
    await sql`update audit_event set summary = ${'not json'} where chain_key = ${'org-garbled'} and seq = ${2}`.execute(
      database().db,
    );
    expect(await verifyOne('org-garbled')).toMatchObject({
      ok: false,
      brokenAt: { seq: 2, id: 'org-garbled-event-2', problem: 'edited' },
    });
  });

  it('names the entry after a deleted one', async () => {
    await appendMany('org-deleted', 5);
    await sql`delete from audit_event where chain_key = ${'org-deleted'} and seq = ${3}`.execute(database().db);
    expect(await verifyOne('org-deleted')).toEqual({
      ok: false,
      count: 4,
      brokenAt: { seq: 4, id: 'org-deleted-event-4', problem: 'deleted_before' },
    });
  });

  it('names a forged entry that hashes correctly but is not linked into the chain', async () => {
    await appendMany('org-forged', 5);
    const [genuine] = (await readAuditChain(database().db, 'org-forged')).filter((entry) => entry.seq === 3);
    if (!genuine) throw new Error('entry 3 missing');
    const forged: UnhashedAuditEntry = { ...genuine, id: 'forged', actorLabel: 'Mallory', prevHash: 'f'.repeat(64) };
    await sql`delete from audit_event where chain_key = ${'org-forged'} and seq = ${3}`.execute(database().db);
    await database()
      .db.insertInto('audit_event')
      .values({
        chain_key: forged.chainKey,
        seq: forged.seq,
        id: forged.id,
        occurred_at: forged.occurredAt,
        organisation_id: forged.organisationId,
        actor_user_id: forged.actorUserId,
        actor_label: forged.actorLabel,
        action: forged.action,
        target_type: forged.targetType,
        target_id: forged.targetId,
        summary: JSON.stringify(forged.summary),
        request_id: forged.requestId,
        client_address: forged.clientAddress,
        prev_hash: forged.prevHash,
        hash: hashAuditEntry(forged),
      })
      .execute();
    expect(await verifyOne('org-forged')).toEqual({
      ok: false,
      count: 5,
      brokenAt: { seq: 3, id: 'forged', problem: 'inserted' },
    });
  });

  it('names a correctly linked entry appended without moving the head as inserted', async () => {
    await appendMany('org-appended', 3);
    const [last] = (await readAuditChain(database().db, 'org-appended')).slice(-1);
    if (!last) throw new Error('chain empty');
    const forged: UnhashedAuditEntry = { ...last, seq: 4, id: 'appended', prevHash: last.hash };
    const hash = hashAuditEntry(forged);
    await sql`insert into audit_event (chain_key, seq, id, occurred_at, organisation_id, actor_user_id, actor_label,
        action, target_type, target_id, summary, request_id, client_address, prev_hash, hash)
      values (${forged.chainKey}, ${forged.seq}, ${forged.id}, ${forged.occurredAt}, ${forged.organisationId},
        ${forged.actorUserId}, ${forged.actorLabel}, ${forged.action}, ${forged.targetType}, ${forged.targetId},
        ${JSON.stringify(forged.summary)}, ${null}, ${null}, ${forged.prevHash}, ${hash})`.execute(database().db);
    expect(await verifyOne('org-appended')).toEqual({
      ok: false,
      count: 4,
      brokenAt: { seq: 4, id: 'appended', problem: 'inserted' },
    });
  });

  it('reports a head mismatch when the last entry was deleted', async () => {
    await appendMany('org-truncated', 5);
    await sql`delete from audit_event where chain_key = ${'org-truncated'} and seq = ${5}`.execute(database().db);
    expect(await verifyOne('org-truncated')).toEqual({
      ok: false,
      count: 4,
      brokenAt: { seq: 5, id: null, problem: 'head_mismatch' },
    });
  });

  it('still reports a chain whose entries were all deleted, among all chains', async () => {
    await appendMany('org-wiped', 2);
    await sql`delete from audit_event where chain_key = ${'org-wiped'}`.execute(database().db);
    const report = (await verifyAuditTrail(deps())).find((candidate) => candidate.chainKey === 'org-wiped');
    expect(report?.result).toEqual({ ok: false, count: 0, brokenAt: { seq: 1, id: null, problem: 'head_mismatch' } });
  });

  it('reports a chain whose head was deleted', async () => {
    await appendMany('org-headless', 2);
    await sql`delete from audit_chain_head where chain_key = ${'org-headless'}`.execute(database().db);
    expect(await verifyOne('org-headless')).toEqual({
      ok: false,
      count: 2,
      brokenAt: { seq: 2, id: 'org-headless-event-2', problem: 'head_missing' },
    });
  });
});
