import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../catalog/content-hash';
import {
  GENESIS_HASH,
  auditChainKey,
  hashAuditEntry,
  normaliseAuditSummary,
  verifyChain,
  type AuditChainHead,
  type AuditEntry,
  type UnhashedAuditEntry,
} from './audit-chain';

function unhashed(seq: number, prevHash: string, overrides: Partial<UnhashedAuditEntry> = {}): UnhashedAuditEntry {
  return {
    chainKey: 'org-1',
    seq,
    id: `event-${seq}`,
    occurredAt: `2026-11-22T10:00:${String(seq % 60).padStart(2, '0')}.000Z`,
    organisationId: 'org-1',
    actorUserId: 'user-1',
    actorLabel: 'Aiko Sato',
    action: 'device.update',
    targetType: 'device',
    targetId: `device-${seq}`,
    summary: { before: { name: `old ${seq}` }, after: { name: `new ${seq}` } },
    requestId: null,
    clientAddress: '192.0.2.1',
    prevHash,
    ...overrides,
  };
}

function sealed(entry: UnhashedAuditEntry): AuditEntry {
  return { ...entry, hash: hashAuditEntry(entry) };
}

/** A valid chain of `length` entries with seq 1..length. */
function buildChain(length: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let seq = 1; seq <= length; seq += 1) entries.push(sealed(unhashed(seq, entries.at(-1)?.hash ?? GENESIS_HASH)));
  return entries;
}

function headOf(entries: readonly AuditEntry[]): AuditChainHead {
  const last = entries.at(-1);
  return { chainKey: 'org-1', lastSeq: last?.seq ?? 0, lastHash: last?.hash ?? GENESIS_HASH };
}

function at(entries: readonly AuditEntry[], index: number): AuditEntry {
  const entry = entries[index];
  if (!entry) throw new Error(`no entry at ${index}`);
  return entry;
}

describe('hashAuditEntry', () => {
  it('is a sha256 hex digest, stable for equal content', () => {
    const entry = unhashed(1, GENESIS_HASH);
    expect(hashAuditEntry(entry)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashAuditEntry({ ...entry })).toBe(hashAuditEntry(entry));
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });

  it('ignores key order inside the summary', () => {
    const a = unhashed(1, GENESIS_HASH, { summary: { before: { a: 1, b: 2 }, after: { c: [1, { y: 2, x: 1 }] } } });
    const b = unhashed(1, GENESIS_HASH, { summary: { after: { c: [1, { x: 1, y: 2 }] }, before: { b: 2, a: 1 } } });
    expect(hashAuditEntry(a)).toBe(hashAuditEntry(b));
  });

  it('does not hash the entry’s own hash or any property outside the entry', () => {
    const entry = unhashed(1, GENESIS_HASH);
    const withExtras = { ...entry, hash: 'f'.repeat(64), note: 'not part of the entry' };
    expect(hashAuditEntry(withExtras)).toBe(hashAuditEntry(entry));
  });

  it('changes when any single field changes', () => {
    const entry = unhashed(2, 'a'.repeat(64), { requestId: 'req-1' });
    const changes: Partial<UnhashedAuditEntry>[] = [
      { chainKey: 'org-2' },
      { seq: 3 },
      { id: 'event-x' },
      { occurredAt: '2026-11-22T10:00:03.000Z' },
      { organisationId: null },
      { actorUserId: null },
      { actorLabel: 'Someone else' },
      { action: 'device.delete' },
      { targetType: 'system' },
      { targetId: 'device-x' },
      { summary: { before: { name: 'old 2' }, after: { name: 'new 2!' } } },
      { summary: { before: { name: 'old 2' } } },
      { requestId: null },
      { clientAddress: null },
      { prevHash: 'b'.repeat(64) },
    ];
    const hashes = new Set([
      hashAuditEntry(entry),
      ...changes.map((change) => hashAuditEntry({ ...entry, ...change })),
    ]);
    expect(hashes.size).toBe(changes.length + 1);
  });

  it('tells null apart from a missing value and from the string "null"', () => {
    const entry = unhashed(1, GENESIS_HASH);
    expect(hashAuditEntry({ ...entry, requestId: 'null' })).not.toBe(hashAuditEntry(entry));
    expect(hashAuditEntry({ ...entry, summary: { before: null } })).not.toBe(hashAuditEntry({ ...entry, summary: {} }));
  });
});

describe('normaliseAuditSummary', () => {
  it('keeps before and after in their stored form', () => {
    const summary = {
      before: { at: new Date('2026-11-22T00:00:00.000Z'), gone: undefined },
      after: 1,
      extra: 'dropped',
    } as const;
    expect(normaliseAuditSummary(summary)).toEqual({ before: { at: '2026-11-22T00:00:00.000Z' }, after: 1 });
    expect(normaliseAuditSummary({})).toEqual({});
  });

  it('hashes like the summary read back from its canonical JSON text', () => {
    const entry = unhashed(1, GENESIS_HASH, {
      summary: normaliseAuditSummary({ after: { when: new Date(0), list: [3, 1] } }),
    });
    const readBack = { ...entry, summary: JSON.parse(canonicalJson(entry.summary)) as UnhashedAuditEntry['summary'] };
    expect(hashAuditEntry(readBack)).toBe(hashAuditEntry(entry));
  });
});

describe('auditChainKey', () => {
  it('is the organisation id, or the empty string for installation-wide events', () => {
    expect(auditChainKey('org-1')).toBe('org-1');
    expect(auditChainKey(null)).toBe('');
  });
});

describe('verifyChain', () => {
  it('accepts an empty chain, with no head, an empty head or links only', () => {
    expect(verifyChain([])).toEqual({ ok: true, count: 0 });
    expect(verifyChain([], null)).toEqual({ ok: true, count: 0 });
    expect(verifyChain([], headOf([]))).toEqual({ ok: true, count: 0 });
  });

  it('accepts intact chains of every length up to 12', () => {
    for (let length = 1; length <= 12; length += 1) {
      const entries = buildChain(length);
      expect(verifyChain(entries, headOf(entries))).toEqual({ ok: true, count: length });
    }
  });

  it('reports an edited entry, wherever it is and whatever field changed', () => {
    const entries = buildChain(6);
    const fields: Partial<AuditEntry>[] = [
      { summary: { after: { name: 'forged' } } },
      { actorLabel: 'Someone else' },
      { occurredAt: '2030-01-01T00:00:00.000Z' },
      { organisationId: null },
      { action: 'device.view' },
    ];
    for (let index = 0; index < entries.length; index += 1) {
      for (const change of fields) {
        const tampered = entries.map((entry, position) => (position === index ? { ...entry, ...change } : entry));
        expect(verifyChain(tampered, headOf(entries))).toEqual({
          ok: false,
          count: 6,
          brokenAt: { seq: index + 1, id: `event-${index + 1}`, problem: 'edited' },
        });
      }
    }
  });

  it('reports a deleted entry at the one after it', () => {
    const entries = buildChain(6);
    for (const index of [0, 1, 3, 4]) {
      const tampered = entries.filter((_, position) => position !== index);
      expect(verifyChain(tampered, headOf(entries))).toEqual({
        ok: false,
        count: 5,
        brokenAt: { seq: index + 2, id: `event-${index + 2}`, problem: 'deleted_before' },
      });
    }
  });

  it('reports several deleted entries in a row at the first one after them', () => {
    const entries = buildChain(8);
    const tampered = [...entries.slice(0, 2), ...entries.slice(5)];
    expect(verifyChain(tampered, headOf(entries))).toMatchObject({
      ok: false,
      brokenAt: { seq: 6, id: 'event-6', problem: 'deleted_before' },
    });
  });

  it('reports entries deleted at the end as a head mismatch naming the first missing seq', () => {
    const entries = buildChain(6);
    expect(verifyChain(entries.slice(0, 5), headOf(entries))).toEqual({
      ok: false,
      count: 5,
      brokenAt: { seq: 6, id: null, problem: 'head_mismatch' },
    });
    expect(verifyChain(entries.slice(0, 2), headOf(entries))).toMatchObject({
      brokenAt: { seq: 3, id: null, problem: 'head_mismatch' },
    });
    expect(verifyChain([], headOf(entries))).toEqual({
      ok: false,
      count: 0,
      brokenAt: { seq: 1, id: null, problem: 'head_mismatch' },
    });
  });

  it('cannot see entries deleted at the end without the head', () => {
    expect(verifyChain(buildChain(6).slice(0, 5))).toEqual({ ok: true, count: 5 });
  });

  it('reports a forged entry that replaced another and hashes correctly, but is not linked', () => {
    const entries = buildChain(6);
    const forged = sealed(unhashed(3, 'c'.repeat(64), { id: 'forged', actorLabel: 'Mallory' }));
    const tampered = entries.map((entry) => (entry.seq === 3 ? forged : entry));
    expect(verifyChain(tampered, headOf(entries))).toEqual({
      ok: false,
      count: 6,
      brokenAt: { seq: 3, id: 'forged', problem: 'inserted' },
    });
  });

  it('reports a replacement that links to its predecessor at the entry after it', () => {
    const entries = buildChain(6);
    const forged = sealed(unhashed(3, at(entries, 1).hash, { id: 'forged', actorLabel: 'Mallory' }));
    const tampered = entries.map((entry) => (entry.seq === 3 ? forged : entry));
    expect(verifyChain(tampered, headOf(entries))).toMatchObject({
      ok: false,
      brokenAt: { seq: 4, id: 'event-4', problem: 'inserted' },
    });
  });

  it('reports a forged entry before the first one', () => {
    const entries = buildChain(3);
    const forged = sealed(unhashed(0, GENESIS_HASH, { id: 'forged' }));
    expect(verifyChain([forged, ...entries], headOf(entries))).toMatchObject({
      ok: false,
      count: 4,
      brokenAt: { seq: 0, id: 'forged', problem: 'inserted' },
    });
  });

  it('reports a correctly linked entry appended behind the head’s back', () => {
    const entries = buildChain(4);
    const forged = sealed(unhashed(5, at(entries, 3).hash, { id: 'forged' }));
    expect(verifyChain([...entries, forged], headOf(entries))).toEqual({
      ok: false,
      count: 5,
      brokenAt: { seq: 5, id: 'forged', problem: 'inserted' },
    });
    expect(verifyChain([...entries, forged])).toEqual({ ok: true, count: 5 });
  });

  it('reports a last entry replaced in place as a head mismatch', () => {
    const entries = buildChain(4);
    const forged = sealed(unhashed(4, at(entries, 2).hash, { id: 'forged' }));
    expect(verifyChain([...entries.slice(0, 3), forged], headOf(entries))).toEqual({
      ok: false,
      count: 4,
      brokenAt: { seq: 4, id: 'forged', problem: 'head_mismatch' },
    });
  });

  it('reports a linked entry whose seq skips ahead as a sequence gap', () => {
    const entries = buildChain(2);
    const skipped = sealed(unhashed(4, at(entries, 1).hash));
    const tampered = [...entries, skipped];
    expect(verifyChain(tampered, headOf(tampered))).toEqual({
      ok: false,
      count: 3,
      brokenAt: { seq: 4, id: 'event-4', problem: 'sequence_gap' },
    });
  });

  it('reports a chain with entries but no head', () => {
    const entries = buildChain(3);
    expect(verifyChain(entries, null)).toEqual({
      ok: false,
      count: 3,
      brokenAt: { seq: 3, id: 'event-3', problem: 'head_missing' },
    });
  });

  it('reports only the first break when there are several', () => {
    const entries = buildChain(8);
    const tampered = entries
      .filter((entry) => entry.seq !== 6)
      .map((entry) => (entry.seq === 3 ? { ...entry, actorLabel: 'Mallory' } : entry));
    expect(verifyChain(tampered.slice(0, -1), headOf(entries))).toMatchObject({
      ok: false,
      brokenAt: { seq: 3, problem: 'edited' },
    });
  });

  it('reports an edit even when the editor re-linked the rest of the chain', () => {
    const entries = buildChain(4);
    const rewritten: AuditEntry[] = [];
    for (const entry of entries) {
      const changed = entry.seq === 2 ? { ...entry, actorLabel: 'Mallory' } : entry;
      rewritten.push(sealed({ ...changed, prevHash: rewritten.at(-1)?.hash ?? GENESIS_HASH }));
    }
    expect(verifyChain(rewritten)).toEqual({ ok: true, count: 4 });
    expect(verifyChain(rewritten, headOf(entries))).toEqual({
      ok: false,
      count: 4,
      brokenAt: { seq: 4, id: 'event-4', problem: 'head_mismatch' },
    });
  });
});
