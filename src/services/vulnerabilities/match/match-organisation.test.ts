import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import type { AffectedRule, RuleTerm, VersionConstraint } from '../../../core/vulnerabilities/advisory.types';
import { listMatchesForAdvisory, listMatchesForDevices } from '../../../db/vulnerabilities/match.repository';
import { seedLinkedDevice } from '../../../testing/seed-linked-device';
import { createTestClock } from '../../../testing/test-app';
import { deleteDevice } from '../../inventory/delete-device';
import { domainErrorOf, seedAssessmentTeam, type MemberActor } from '../../../testing/test-assessments';
import { describeEachDialect, type TestDatabase } from '../../../testing/test-database';
import { matchOrganisation } from './match-organisation';

const cpe = (cpe: string, versions: VersionConstraint = { kind: 'all' }, vulnerable = true): RuleTerm => ({
  selector: { kind: 'cpe', cpe },
  versions,
  vulnerable,
});
const below = (endExcluding: string): VersionConstraint => ({ kind: 'range', scheme: 'generic', endExcluding });
const firmware = (model: string, versions: VersionConstraint) =>
  cpe(`cpe:2.3:o:acme:${model}_firmware:*:*:*:*:*:*:*:*`, versions);
const hardware = (model: string) => cpe(`cpe:2.3:h:acme:${model}:-:*:*:*:*:*:*:*`, { kind: 'all' }, false);
const deviceCpes = (model: string) => [
  `cpe:2.3:h:acme:${model}:-:*:*:*:*:*:*:*`,
  `cpe:2.3:o:acme:${model}_firmware:*:*:*:*:*:*:*:*`,
];

/** Writes (or rewrites) an advisory the way the store does: a new revision from the counter. */
async function putAdvisory(
  database: TestDatabase,
  scope: string,
  trackingId: string,
  rules: AffectedRule[],
  withdrawn = false,
): Promise<string> {
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
  const document = JSON.stringify({ source: 'nvd', trackingId, rules });
  const existing = await db
    .selectFrom('advisory')
    .select('id')
    .where('scope_key', '=', scope)
    .where('tracking_id', '=', trackingId)
    .executeTakeFirst();
  const values = {
    document,
    content_hash: createHash('sha256').update(document).digest('hex'),
    revision: Number(revision),
    withdrawn: withdrawn ? 1 : 0,
  };
  if (existing) {
    await db.updateTable('advisory').set(values).where('id', '=', existing.id).execute();
    return existing.id;
  }
  const id = randomUUID();
  await db
    .insertInto('advisory')
    .values({
      id,
      organisation_id: scope === '*' ? null : scope,
      scope_key: scope,
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
  return id;
}

describeEachDialect('matchOrganisation', (database) => {
  const clock = createTestClock(new Date('2026-12-01T00:00:00.000Z'));
  const deps = () => ({ database: database(), clock });
  let organisationId: string;
  let owner: MemberActor;
  let viewer: MemberActor;
  beforeEach(async () => {
    ({ organisationId, owner, viewer } = await seedAssessmentTeam(database(), 'Plant'));
  });

  const device = (model: string, firmwareVersion: string, extra: { manufacturer?: string; cpes?: string[] } = {}) =>
    seedLinkedDevice(database(), organisationId, {
      fields: {
        manufacturer: extra.manufacturer ?? 'Acme',
        model,
        firmwareVersion,
        cpes: extra.cpes ?? deviceCpes(model),
      },
      updatedAt: '2026-11-30T00:00:00.000Z',
    });

  /** The stored matches as "device advisory" pairs, with their first-matched times. */
  async function stored(deviceIds: string[]) {
    const rows = await listMatchesForDevices(database().db, organisationId, deviceIds);
    return Object.fromEntries(rows.map((row) => [`${row.deviceId} ${row.advisoryId}`, row.firstMatchedAt]));
  }

  it('matches an AND configuration on the right model only, not another model nor fixed firmware', async () => {
    const right = await device('cam-100', '1.2');
    const otherModel = await device('cam-200', '1.2');
    const fixed = await device('cam-100', '1.3');
    const sameIdentity = await device('cam-100', '1.2');
    const advisory = await putAdvisory(database(), organisationId, 'CVE-2026-0001', [
      { groups: [[firmware('cam-100', below('1.3')), firmware('cam-200', below('1.0'))], [hardware('cam-100')]] },
    ]);

    const result = await matchOrganisation(deps(), { actor: owner });
    expect(result).toMatchObject({ full: true, identities: 3, matches: 1, added: 1, removed: 0 });
    const rows = await listMatchesForAdvisory(database().db, organisationId, advisory);
    expect(rows.map((row) => row.deviceId).sort()).toEqual([right, sameIdentity].sort());
    expect(rows[0]!.reason.terms.map((term) => term.vulnerable)).toEqual([true, false]);
    expect(await stored([otherModel, fixed])).toEqual({});
  });

  it('matches vendor/product names through the alias table at name confidence, and reports unknown versions', async () => {
    const hitachi = await device('HC-100', 'V2.00', { manufacturer: '株式会社日立製作所', cpes: [] });
    const odd = await device('HC-100', 'latest', { manufacturer: 'Hitachi', cpes: [] });
    const advisory = await putAdvisory(database(), organisationId, 'JVNVU#0001', [
      {
        groups: [
          [
            {
              selector: { kind: 'name', vendor: 'Hitachi, Ltd.', product: 'HC-100' },
              versions: { kind: 'range', scheme: 'vendor', endIncluding: 'V2.10' },
              vulnerable: true,
            },
          ],
        ],
      },
    ]);
    const result = await matchOrganisation(deps(), { actor: owner });
    expect(result).toMatchObject({ matches: 1, unknownVersions: 1 });
    const rows = await listMatchesForAdvisory(database().db, organisationId, advisory);
    expect(rows.map((row) => [row.deviceId, row.confidence])).toEqual([[hitachi, 'name']]);
    expect(await stored([odd])).toEqual({});
  });

  it('re-matches only what changed and ends where a full run ends, keeping first-seen times', async () => {
    const a = await device('cam-300', '1.0');
    const b = await device('cam-300', '2.0');
    const c = await device('cam-400', '1.0');
    const kept = await putAdvisory(database(), organisationId, 'CVE-KEPT', [
      { groups: [[firmware('cam-300', below('3.0'))]] },
    ]);
    const edited = await putAdvisory(database(), organisationId, 'CVE-EDIT', [
      { groups: [[firmware('cam-300', below('1.5'))]] },
    ]);
    const withdrawn = await putAdvisory(database(), organisationId, 'CVE-GONE', [
      { groups: [[firmware('cam-400', below('9'))]] },
    ]);
    await matchOrganisation(deps(), { actor: owner });
    const before = await stored([a, b, c]);
    expect(Object.keys(before).sort()).toEqual(
      [`${a} ${edited}`, `${a} ${kept}`, `${b} ${kept}`, `${c} ${withdrawn}`].sort(),
    );

    clock.advance(60_000);
    const added = await putAdvisory(database(), organisationId, 'CVE-NEW', [
      { groups: [[firmware('cam-400', below('2.0'))]] },
    ]);
    await putAdvisory(database(), organisationId, 'CVE-EDIT', [{ groups: [[firmware('cam-300', below('2.5'))]] }]);
    await putAdvisory(database(), organisationId, 'CVE-GONE', [{ groups: [[firmware('cam-400', below('9'))]] }], true);
    // Device a gets fixed firmware; a new device d arrives.
    await database()
      .db.updateTable('device')
      .set({ firmware_version: '3.1', updated_at: clock().toISOString() })
      .where('id', '=', Number(a))
      .execute();
    const d = await seedLinkedDevice(database(), organisationId, {
      fields: { manufacturer: 'Acme', model: 'cam-400', firmwareVersion: '1.5', cpes: deviceCpes('cam-400') },
      updatedAt: clock().toISOString(),
    });
    clock.advance(60_000);

    const incremental = await matchOrganisation(deps(), { actor: owner });
    expect(incremental.full).toBe(false);
    // The 2 new identities (a's new firmware, d) meet all 4 advisories; the others only the 3 changed.
    expect(incremental.advisoriesRead).toBe(4 + 3);
    const after = await stored([a, b, c, d]);
    expect(Object.keys(after).sort()).toEqual(
      [`${b} ${kept}`, `${b} ${edited}`, `${c} ${added}`, `${d} ${added}`].sort(),
    );
    expect(after[`${b} ${kept}`]).toBe(before[`${b} ${kept}`]); // persisting: first time kept
    expect(incremental).toMatchObject({ added: 3, removed: 3 }); // b×edit, c×new, d×new; a×kept, a×edit, c×gone

    const full = await matchOrganisation(deps(), { actor: owner, force: true });
    expect(full).toMatchObject({ full: true, added: 0, removed: 0, matches: incremental.matches });
    expect(await stored([a, b, c, d])).toEqual(after);

    const quiet = await matchOrganisation(deps(), { actor: owner });
    expect(quiet).toMatchObject({ full: false, advisoriesRead: 0, added: 0, removed: 0 });
  });

  it('deletes a device with its identity mapping (no foreign key does it), and the next run drops the identity', async () => {
    const gone = await device('cam-600', '1.0');
    const stays = await device('cam-600', '2.0');
    const advisory = await putAdvisory(database(), organisationId, 'CVE-DELETED', [
      { groups: [[firmware('cam-600', below('9'))]] },
    ]);
    expect(await matchOrganisation(deps(), { actor: owner })).toMatchObject({ identities: 2, matches: 2 });
    const mappings = () =>
      database()
        .db.selectFrom('vulnerability_device_identity')
        .select('device_id')
        .where('organisation_id', '=', organisationId)
        .execute()
        .then((rows) => rows.map((row) => String(row.device_id)));
    expect((await mappings()).sort()).toEqual([gone, stays].sort());

    await deleteDevice(deps(), { actor: owner, deviceId: gone, version: 1 });
    expect(await mappings()).toEqual([stays]);
    const orphans = await database()
      .db.selectFrom('vulnerability_device_identity as m')
      .leftJoin('device as d', 'd.id', 'm.device_id')
      .select('m.device_id')
      .where('d.id', 'is', null)
      .execute();
    expect(orphans).toEqual([]);
    expect((await listMatchesForAdvisory(database().db, organisationId, advisory)).map((row) => row.deviceId)).toEqual([
      stays,
    ]);

    clock.advance(60_000);
    const after = await matchOrganisation(deps(), { actor: owner, force: true });
    expect(after).toMatchObject({ identities: 1, matches: 1, removed: 1 });
  });

  it('keeps organisations apart and refuses members who may not run matching', async () => {
    const mine = await device('cam-500', '1.0');
    const other = await seedAssessmentTeam(database(), 'Other');
    await putAdvisory(database(), other.organisationId, 'CVE-THEIRS', [
      { groups: [[firmware('cam-500', { kind: 'all' })]] },
    ]);
    expect((await matchOrganisation(deps(), { actor: owner })).matches).toBe(0);
    expect(await stored([mine])).toEqual({});
    expect((await domainErrorOf(matchOrganisation(deps(), { actor: viewer }))).code).toBe('FORBIDDEN');
  });
});
