import { createHash } from 'node:crypto';
import { DEVICE_DEFAULTS } from '../../src/core/inventory/device-defaults';
import type { DeviceFields } from '../../src/core/inventory/device.types';
import type { Database } from '../../src/db/database';
import { toDeviceColumns } from '../../src/db/inventory/device-row';
import { withBulkConnection } from '../../src/db/inventory/import-connection';
import { bulkInsert, type BulkColumn } from '../../src/db/vulnerabilities/match-bulk';
import { benchPair, pairCpes, pairOfDevice, type BenchAdvisory } from './generate-match-data';

const BATCH = 20_000;

/** Writes `count` devices of organisation `organisationId`, spread over `pairs` model/firmware pairs. */
export async function seedBenchDevices(database: Database, organisationId: string, count: number, pairs: number) {
  const template = toDeviceColumns({
    ...DEVICE_DEFAULTS,
    assetTag: 'x',
    name: 'x',
  } as DeviceFields) as unknown as Record<string, string | number | null>;
  const now = '2026-12-01T00:00:00.000Z';
  const base: Record<string, string | number | null> = {
    ...template,
    organisation_id: organisationId,
    maintainer_provider_id: null,
    import_id: null,
    version: 1,
    created_at: now,
    updated_at: now,
    updated_by: null,
  };
  const names = Object.keys(base);
  const pgType = (name: string): BulkColumn['pgType'] =>
    name === 'latitude' || name === 'longitude'
      ? 'real'
      : name === 'safety_relevant' || name === 'version'
        ? 'integer'
        : 'text';
  const columns = names.map((name) => ({ name, pgType: pgType(name) }));
  const pairFacts = Array.from({ length: pairs }, (_, index) => benchPair(index, pairs));
  await withBulkConnection(database, (bulk) =>
    bulk.db.transaction().execute(async (transaction) => {
      for (let start = 0; start < count; start += BATCH) {
        const rows: Array<Array<string | number | null>> = [];
        for (let i = start; i < Math.min(count, start + BATCH); i += 1) {
          const pair = pairFacts[pairOfDevice(i, pairs)]!;
          const row: Record<string, string | number | null> = {
            ...base,
            asset_tag: `D-${String(i + 1).padStart(7, '0')}`,
            name: `${pair.model} ${i + 1}`,
            manufacturer: pair.manufacturer,
            model: pair.model,
            firmware_version: pair.firmware,
            cpes: pairCpes(pair).join(' '),
          };
          rows.push(names.map((name) => row[name] ?? null));
        }
        await bulkInsert(bulk, transaction, 'device', columns, rows);
      }
    }),
  );
}

const ADVISORY_COLUMNS: BulkColumn[] = [
  ...['id', 'scope_key', 'source', 'tracking_id', 'title', 'language', 'summary', 'cves', 'last_modified'].map(
    (name) => ({ name, pgType: 'text' as const }),
  ),
  { name: 'severity_level', pgType: 'text' },
  { name: 'cvss_score', pgType: 'real' },
  { name: 'kev_date_added', pgType: 'text' },
  { name: 'withdrawn', pgType: 'boolean' },
  { name: 'document', pgType: 'text' },
  { name: 'content_hash', pgType: 'text' },
  { name: 'revision', pgType: 'bigint' },
  { name: 'imported_at', pgType: 'text' },
];

const SUMMARY =
  'A buffer overflow in the web management interface allows a remote unauthenticated attacker to execute arbitrary code or cause a denial of service by sending a crafted HTTP request.';

/** Writes installation-wide advisories, each with its own revision, and moves the revision counter on. */
export async function seedBenchAdvisories(database: Database, advisories: Iterable<BenchAdvisory>): Promise<number> {
  let written = 0;
  await withBulkConnection(database, (bulk) =>
    bulk.db.transaction().execute(async (transaction) => {
      const counter = await transaction
        .selectFrom('advisory_revision_counter')
        .select('revision')
        .where('id', '=', 1)
        .executeTakeFirstOrThrow();
      let revision = Number(counter.revision);
      let rows: Array<Array<string | number | boolean | null>> = [];
      const flush = async () => {
        await bulkInsert(bulk, transaction, 'advisory', ADVISORY_COLUMNS, rows as never);
        rows = [];
      };
      for (const advisory of advisories) {
        revision += 1;
        const document = JSON.stringify({
          source: 'nvd',
          trackingId: advisory.trackingId,
          title: advisory.trackingId,
          language: 'en',
          summary: SUMMARY,
          cves: [advisory.trackingId],
          published: '2026-11-01T00:00:00Z',
          lastModified: '2026-11-01T00:00:00Z',
          scores: [
            { version: '3.1', baseScore: 8.1, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N', level: 'high' },
          ],
          kev: advisory.kev
            ? { dateAdded: '2026-11-02', dueDate: '2026-11-23', requiredAction: 'Apply updates.' }
            : null,
          references: [`https://nvd.nist.gov/vuln/detail/${advisory.trackingId}`],
          remediations: [],
          rules: advisory.rules,
        });
        rows.push([
          advisory.id,
          '*',
          'nvd',
          advisory.trackingId,
          advisory.trackingId,
          'en',
          SUMMARY,
          JSON.stringify([advisory.trackingId]),
          '2026-11-01T00:00:00Z',
          'high',
          8.1,
          advisory.kev ? '2026-11-02' : null,
          bulk.dialect === 'sqlite' ? 0 : false,
          document,
          createHash('sha256').update(document).digest('hex'),
          revision,
          '2026-12-01T00:00:00Z',
        ]);
        written += 1;
        if (rows.length >= 5_000) await flush();
      }
      await flush();
      await transaction.updateTable('advisory_revision_counter').set({ revision }).where('id', '=', 1).execute();
    }),
  );
  return written;
}
