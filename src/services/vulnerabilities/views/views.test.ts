import { beforeEach, describe, expect, it } from 'vitest';
import type { MatchListQuery, MatchRowView } from '../../../contracts/vulnerabilities/match.schema';
import { seedLinkedDevice } from '../../../testing/seed-linked-device';
import { acmeDeviceCpes, acmeFirmwareRule, seedTestAdvisory } from '../../../testing/seed-vuln-advisory';
import { createTestClock } from '../../../testing/test-app';
import { domainErrorOf, seedAssessmentTeam, type MemberActor } from '../../../testing/test-assessments';
import { describeEachDialect } from '../../../testing/test-database';
import { matchOrganisation } from '../match/match-organisation';
import { matchAndRecordTrend } from '../run-match';
import { setTriage } from '../triage/set-triage';
import { getAdvisory } from './get-advisory';
import { getVulnerabilitySummary } from './get-summary';
import { listAdvisories } from './list-advisories';
import { listDeviceVulnerabilities, listMatches } from './list-matches';

// The read side on both dialects: keyset pages (every row once), filters, and the effective status
// with model- and device-level triage, all computed by the database.
//
// Estate: cam-100 ×4 devices, cam-200 ×3. Advisories: A critical+KEV (cam-100), B high (both
// models), C medium (cam-200), D no score (cam-100) → 4 + 7 + 3 + 4 = 18 device matches.

describeEachDialect('vulnerability views', (database) => {
  const clock = createTestClock(new Date('2026-12-01T00:00:00.000Z'));
  const deps = () => ({ database: database(), clock });
  let organisationId: string;
  let owner: MemberActor;
  let cam100: string[];
  let cam200: string[];
  let advisory: Record<'A' | 'B' | 'C' | 'D', string>;

  beforeEach(async () => {
    ({ organisationId, owner } = await seedAssessmentTeam(database(), 'Plant'));
    const devices = (model: string, count: number) =>
      Promise.all(
        Array.from({ length: count }, () =>
          seedLinkedDevice(database(), organisationId, {
            fields: { manufacturer: 'Acme', model, firmwareVersion: '1.0', cpes: acmeDeviceCpes(model) },
          }),
        ),
      );
    cam100 = await devices('cam-100', 4);
    cam200 = await devices('cam-200', 3);
    const put = (trackingId: string, severity: string | null, models: string[], kev = false) =>
      seedTestAdvisory(database(), organisationId, { trackingId, severity, kev, rules: models.map(acmeFirmwareRule) });
    advisory = {
      A: await put('CVE-2026-0001', 'critical', ['cam-100'], true),
      B: await put('CVE-2026-0002', 'high', ['cam-100', 'cam-200']),
      C: await put('CVE-2026-0003', 'medium', ['cam-200']),
      D: await put('CVE-2026-0004', null, ['cam-100']),
    };
    await matchOrganisation({ ...deps(), readRuleOverlay: undefined }, { actor: owner });
  });

  /** Every row of a list read page by page. */
  async function allPages(query: MatchListQuery): Promise<MatchRowView[]> {
    const rows: MatchRowView[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 100; pages += 1) {
      const page = await listMatches(deps(), { actor: owner, query: { ...query, ...(cursor ? { cursor } : {}) } });
      rows.push(...page.items);
      if (page.nextCursor === null) return rows;
      cursor = page.nextCursor;
    }
    throw new Error('more than 100 pages');
  }

  /** Device-level triage of B on the first cam-100 device (exploitable), model-level not_affected on cam-100. */
  async function triageB() {
    await setTriage(deps(), {
      actor: owner,
      change: { advisoryId: advisory.B, target: { kind: 'device', deviceId: cam100[0]! }, status: 'exploitable' },
    });
    // Recorded after the device's: the device triage still wins (it is the more specific).
    await setTriage(deps(), {
      actor: owner,
      change: {
        advisoryId: advisory.B,
        target: { kind: 'model', manufacturer: ' Acme ', model: 'cam-100' },
        status: 'not_affected',
        justification: 'code_not_present',
      },
    });
  }

  it('pages the device view by keyset: every match once, in the order of one big page', async () => {
    const paged = await allPages({ limit: 5 });
    const whole = await listMatches(deps(), { actor: owner, query: { limit: 500 } });
    expect(whole.nextCursor).toBeNull();
    const pairs = paged.map((row) => `${row.deviceId} ${row.advisoryId}`);
    expect(pairs).toHaveLength(18);
    expect(new Set(pairs).size).toBe(18);
    expect(pairs).toEqual(whole.items.map((row) => `${row.deviceId} ${row.advisoryId}`));
    // Most severe first, KEV first, unscored last.
    expect(paged[0]).toMatchObject({ advisoryId: advisory.A, kev: true, severity: { level: 'critical' } });
    expect(paged.at(-1)).toMatchObject({ advisoryId: advisory.D, severity: null });
  });

  it('pages the model view: one row per model and advisory with device counts and firmware', async () => {
    const rows = await allPages({ view: 'model', limit: 2 });
    expect(rows.map((row) => [row.advisoryId, row.model, row.devices, row.firmwareVersion])).toEqual([
      [advisory.A, 'cam-100', 4, '1.0'],
      [advisory.B, 'cam-100', 4, '1.0'],
      [advisory.B, 'cam-200', 3, '1.0'],
      [advisory.C, 'cam-200', 3, '1.0'],
      [advisory.D, 'cam-100', 4, '1.0'],
    ]);
    expect(rows.every((row) => row.deviceId === undefined && row.status === 'in_triage')).toBe(true);
  });

  it('filters by KEV, severity, model and device', async () => {
    const kev = await allPages({ kev: true });
    expect(kev.map((row) => row.advisoryId)).toEqual(Array(4).fill(advisory.A));
    expect(await allPages({ kev: false })).toHaveLength(14);
    expect((await allPages({ severity: 'high' })).every((row) => row.advisoryId === advisory.B)).toBe(true);
    expect(await allPages({ severity: 'high' })).toHaveLength(7);
    expect((await allPages({ severity: 'unknown' })).map((row) => row.advisoryId)).toEqual(Array(4).fill(advisory.D));
    const cam200Rows = await allPages({ manufacturer: 'Acme', model: 'cam-200', limit: 4 });
    expect(cam200Rows).toHaveLength(6);
    expect(new Set(cam200Rows.map((row) => row.deviceId))).toEqual(new Set(cam200));
    const one = await listDeviceVulnerabilities(deps(), { actor: owner, deviceId: cam100[1]! });
    expect(one.items.map((row) => row.advisoryId)).toEqual([advisory.A, advisory.B, advisory.D]);
  });

  it('applies device triage over model triage, in lists, filters, the model view and the advisory', async () => {
    await triageB();
    const b = await allPages({ severity: 'high' });
    const byDevice = new Map(b.map((row) => [row.deviceId, row]));
    expect(byDevice.get(cam100[0]!)).toMatchObject({ status: 'exploitable', triageLevel: 'device', triageVersion: 1 });
    for (const id of cam100.slice(1))
      expect(byDevice.get(id)).toMatchObject({
        status: 'not_affected',
        triageLevel: 'model',
        justification: 'code_not_present',
      });
    for (const id of cam200) expect(byDevice.get(id)).toMatchObject({ status: 'in_triage', triageLevel: null });

    expect((await allPages({ status: 'not_affected', limit: 1 })).map((row) => row.deviceId).sort()).toEqual(
      cam100.slice(1).sort(),
    );
    expect((await allPages({ status: 'exploitable' })).map((row) => row.deviceId)).toEqual([cam100[0]]);

    const models = await allPages({ view: 'model', status: 'not_affected' });
    expect(models.map((row) => [row.advisoryId, row.model, row.triageLevel])).toEqual([
      [advisory.B, 'cam-100', 'model'],
    ]);

    const detail = await getAdvisory(deps(), { actor: owner, advisoryId: advisory.B });
    expect(detail.models.map((model) => [model.model, model.devices, model.triage?.status ?? null])).toEqual([
      ['cam-100', 4, 'not_affected'],
      ['cam-200', 3, null],
    ]);
    const first = detail.devices.find((device) => device.deviceId === cam100[0]);
    expect(first).toMatchObject({ status: 'exploitable', triage: { target: { kind: 'device' } } });
    expect(detail.devices.filter((device) => device.status === 'not_affected')).toHaveLength(3);
    expect(detail.devicesTruncated).toBe(false);
  });

  it('counts the summary in the database with the effective status', async () => {
    await triageB();
    const summary = await getVulnerabilitySummary(deps(), { actor: owner });
    expect(summary).toMatchObject({
      openMatches: 15,
      openKev: 4,
      affectedDevices: 7,
      byStatus: { in_triage: 14, exploitable: 1, not_affected: 3, resolved: 0, false_positive: 0 },
      bySeverity: { critical: 4, high: 4, medium: 3, low: 0, none: 0, unknown: 4 },
    });
  });

  it('records the trend after a match run and a triage change, never on a summary read', async () => {
    const points = () =>
      database()
        .db.selectFrom('vulnerability_daily_count')
        .select(['day', 'open', 'kev'])
        .where('organisation_id', '=', organisationId)
        .execute();
    await getVulnerabilitySummary(deps(), { actor: owner });
    expect(await points()).toEqual([]);
    await matchAndRecordTrend({ ...deps(), readRuleOverlay: undefined }, { actor: owner });
    expect((await points()).map((p) => [p.day, Number(p.open), Number(p.kev)])).toEqual([['2026-12-01', 18, 4]]);
    await triageB();
    expect((await points()).map((p) => [p.day, Number(p.open), Number(p.kev)])).toEqual([['2026-12-01', 15, 4]]);
    const summary = await getVulnerabilitySummary(deps(), { actor: owner });
    expect(summary.trend).toEqual([{ date: '2026-12-01', open: 15, kev: 4 }]);
  });

  it('lists advisories with database counts, keyset pages and status/KEV/word filters', async () => {
    await triageB();
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAdvisories(deps(), { actor: owner, query: { limit: 1, ...(cursor ? { cursor } : {}) } });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([advisory.A, advisory.B, advisory.C, advisory.D]);
    const all = await listAdvisories(deps(), { actor: owner, query: {} });
    expect(all.items.find((item) => item.id === advisory.B)).toMatchObject({
      affectedDevices: 7,
      affectedModels: 2,
      openDevices: 4,
    });
    const notAffected = await listAdvisories(deps(), { actor: owner, query: { status: 'not_affected' } });
    expect(notAffected.items.map((item) => item.id)).toEqual([advisory.B]);
    expect((await listAdvisories(deps(), { actor: owner, query: { kev: true } })).items.map((i) => i.id)).toEqual([
      advisory.A,
    ]);
    expect((await listAdvisories(deps(), { actor: owner, query: { q: '0003' } })).items.map((i) => i.id)).toEqual([
      advisory.C,
    ]);
  });

  it('lists an unmatched advisory only with `all`', async () => {
    const lone = await seedTestAdvisory(database(), '*', {
      trackingId: 'CVE-2026-0999',
      severity: 'low',
      rules: [acmeFirmwareRule('cam-999')],
    });
    const matched = await listAdvisories(deps(), { actor: owner, query: {} });
    expect(matched.items.map((item) => item.id)).not.toContain(lone);
    const every = await listAdvisories(deps(), { actor: owner, query: { all: true, severity: 'low' } });
    expect(every.items).toEqual([expect.objectContaining({ id: lone, affectedDevices: 0, openDevices: 0 })]);
  });

  describe('cursors', () => {
    it('refuses a damaged cursor or one of another list, naming `cursor`', async () => {
      const page = await listMatches(deps(), { actor: owner, query: { limit: 1 } });
      const modelCursor = page.nextCursor!;
      const wrongList = await domainErrorOf(
        listMatches(deps(), { actor: owner, query: { view: 'model', cursor: modelCursor } }),
      );
      expect(wrongList.code).toBe('VALIDATION_FAILED');
      expect(wrongList.details[0]).toMatchObject({ field: 'cursor' });
      const damaged = await domainErrorOf(listAdvisories(deps(), { actor: owner, query: { cursor: 'bm90LWpzb24' } }));
      expect(damaged.details[0]).toMatchObject({ field: 'cursor', code: 'invalid_value' });
    });
  });
});
