import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import type { AffectedRule, VersionConstraint } from '../../../core/vulnerabilities/advisory.types';
import { listMatchesForDevices } from '../../../db/vulnerabilities/match.repository';
import { seedLinkedDevice } from '../../../testing/seed-linked-device';
import { createTestClock } from '../../../testing/test-app';
import { seedAssessmentTeam, type MemberActor } from '../../../testing/test-assessments';
import { describeEachDialect, type TestDatabase } from '../../../testing/test-database';
import { matchOrganisation } from './match-organisation';

// Whatever path a run takes — first full run, incremental re-match after advisories and devices
// changed, forced full run — the stored matches must be those a match from scratch finds.

const below = (endExcluding: string): VersionConstraint => ({ kind: 'range', scheme: 'generic', endExcluding });
const firmwareRule = (model: string, versions: VersionConstraint, platform = false): AffectedRule => ({
  groups: [
    [
      {
        selector: { kind: 'cpe', cpe: `cpe:2.3:o:acme:${model}_firmware:*:*:*:*:*:*:*:*` },
        versions,
        vulnerable: true,
      },
    ],
    ...(platform
      ? [
          [
            {
              selector: { kind: 'cpe' as const, cpe: `cpe:2.3:h:acme:${model}:-:*:*:*:*:*:*:*` },
              versions: { kind: 'all' as const },
              vulnerable: false,
            },
          ],
        ]
      : []),
  ],
});

async function putAdvisory(database: TestDatabase, trackingId: string, rules: AffectedRule[], withdrawn = false) {
  const db = database.db;
  await db
    .updateTable('advisory_revision_counter')
    .set({ revision: sql`revision + 1` })
    .where('id', '=', 1)
    .execute();
  const { revision } = await db
    .selectFrom('advisory_revision_counter')
    .select('revision')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  const document = JSON.stringify({ source: 'nvd', trackingId, title: trackingId, summary: 'x', rules });
  const values = {
    document,
    content_hash: createHash('sha256').update(document).digest('hex'),
    revision: Number(revision),
    withdrawn: withdrawn ? 1 : 0,
  };
  const existing = await db
    .selectFrom('advisory')
    .select('id')
    .where('tracking_id', '=', trackingId)
    .executeTakeFirst();
  if (existing) {
    await db.updateTable('advisory').set(values).where('id', '=', existing.id).execute();
    return;
  }
  await db
    .insertInto('advisory')
    .values({
      id: randomUUID(),
      organisation_id: null,
      scope_key: '*',
      source: 'nvd',
      tracking_id: trackingId,
      title: trackingId,
      language: 'en',
      summary: '',
      cves: JSON.stringify([trackingId]),
      published: null,
      last_modified: '2026-11-01T00:00:00Z',
      severity_level: 'high',
      cvss_score: 7.5,
      kev_date_added: null,
      imported_at: '2026-11-01T00:00:00Z',
      ...values,
    })
    .execute();
}

describeEachDialect('matchOrganisation: full, incremental and from-scratch runs agree', (database) => {
  const clock = createTestClock(new Date('2026-12-01T00:00:00.000Z'));
  let organisationId: string;
  let owner: MemberActor;
  beforeEach(async () => {
    ({ organisationId, owner } = await seedAssessmentTeam(database(), 'Plant'));
  });

  const device = (model: string, firmwareVersion: string) =>
    seedLinkedDevice(database(), organisationId, {
      fields: {
        manufacturer: 'Acme',
        model,
        firmwareVersion,
        cpes: [`cpe:2.3:h:acme:${model}:-:*:*:*:*:*:*:*`, `cpe:2.3:o:acme:${model}_firmware:*:*:*:*:*:*:*:*`],
      },
      updatedAt: clock().toISOString(),
    });

  /** Every stored match expanded to devices, without times: "device advisory confidence reason". */
  async function snapshot(): Promise<string[]> {
    const ids = await database()
      .db.selectFrom('device')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .execute();
    const rows = await listMatchesForDevices(
      database().db,
      organisationId,
      ids.map((row) => String(row.id)),
    );
    const tracking = new Map(
      (await database().db.selectFrom('advisory').select(['id', 'tracking_id']).execute()).map((row) => [
        row.id,
        row.tracking_id,
      ]),
    );
    return rows
      .map((row) => `${row.deviceId} ${tracking.get(row.advisoryId)} ${row.confidence} ${JSON.stringify(row.reason)}`)
      .sort();
  }

  async function fromScratch(options: { rebuildIndexesFrom?: number } = {}): Promise<string[]> {
    for (const table of [
      'vulnerability_match',
      'vulnerability_identity',
      'vulnerability_device_identity',
      'vulnerability_match_run',
    ] as const)
      await database().db.deleteFrom(table).where('organisation_id', '=', organisationId).execute();
    const result = await matchOrganisation({ database: database(), clock }, { actor: owner, ...options });
    expect(result.full).toBe(true);
    return snapshot();
  }

  it('gives the same matches after an incremental re-match, a forced full run and a match from scratch', async () => {
    const models = ['cam-1', 'cam-2', 'cam-3'];
    const devices: string[] = [];
    for (const model of models)
      for (const firmware of ['1.0', '1.5', '2.0', '2.0']) devices.push(await device(model, firmware));
    await putAdvisory(database(), 'CVE-A', [firmwareRule('cam-1', below('1.6'))]);
    await putAdvisory(database(), 'CVE-B', [firmwareRule('cam-2', below('2.1'), true)]);
    await putAdvisory(database(), 'CVE-C', [firmwareRule('cam-3', below('1.1'))]);
    const first = await matchOrganisation({ database: database(), clock }, { actor: owner });
    expect(first.full).toBe(true);
    expect(first.matches).toBeGreaterThan(0);

    // The feed moves on and the estate changes.
    clock.advance(60_000);
    await putAdvisory(database(), 'CVE-D', [firmwareRule('cam-3', below('3.0'), true)]);
    await putAdvisory(database(), 'CVE-B', [firmwareRule('cam-2', below('1.2'), true)]);
    await putAdvisory(database(), 'CVE-C', [firmwareRule('cam-3', below('1.1'))], true);
    await database()
      .db.updateTable('device')
      .set({ firmware_version: '1.2', updated_at: clock().toISOString() })
      .where('id', '=', Number(devices[3]))
      .execute();
    await database().db.deleteFrom('device').where('id', '=', Number(devices[0])).execute();
    await device('cam-1', '0.9');
    await device('cam-4', '1.0');
    clock.advance(60_000);

    const incremental = await matchOrganisation({ database: database(), clock }, { actor: owner });
    expect(incremental.full).toBe(false);
    const afterIncremental = await snapshot();

    const forced = await matchOrganisation({ database: database(), clock }, { actor: owner, force: true });
    expect(forced).toMatchObject({ full: true, added: 0, removed: 0, matches: incremental.matches });
    expect(await snapshot()).toEqual(afterIncremental);

    expect(await fromScratch()).toEqual(afterIncremental);
    // CVE-D reaches every cam-3 device; the withdrawn CVE-C none.
    expect(afterIncremental.filter((line) => line.includes(' CVE-D ')).length).toBe(4);
    expect(afterIncremental.some((line) => line.includes(' CVE-C '))).toBe(false);
  });

  it('finds the same matches when a large first run rebuilds its indexes instead of growing them', async () => {
    for (const model of ['cam-1', 'cam-2']) for (const firmware of ['1.0', '2.0']) await device(model, firmware);
    await putAdvisory(database(), 'CVE-E', [firmwareRule('cam-1', below('1.6'))]);
    await putAdvisory(database(), 'CVE-F', [firmwareRule('cam-2', below('2.1'), true)]);
    const grown = await fromScratch();
    // Advisories of other tests may match too: count only this test's.
    expect(grown.filter((line) => line.includes(' CVE-E ')).length).toBe(1);
    expect(grown.filter((line) => line.includes(' CVE-F ')).length).toBe(2);

    expect(await fromScratch({ rebuildIndexesFrom: 1 })).toEqual(grown);
    const indexes =
      database().dialect === 'sqlite'
        ? sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index'`
        : sql<{ name: string }>`SELECT indexname AS name FROM pg_indexes`;
    const names = (await indexes.execute(database().db)).rows.map((row) => row.name);
    expect(names).toEqual(
      expect.arrayContaining(['vulnerability_match_advisory_idx', 'vulnerability_device_identity_key_idx']),
    );
  });
});
