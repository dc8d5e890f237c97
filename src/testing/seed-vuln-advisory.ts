import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AffectedRule, NormalisedAdvisory } from '../core/vulnerabilities/advisory.types';
import type { Database } from '../db/database';

/** Every firmware version of `model` by Acme: the CPE selector the seeded devices carry. */
export const acmeFirmwareRule = (model: string): AffectedRule => ({
  groups: [
    [
      {
        selector: { kind: 'cpe', cpe: `cpe:2.3:o:acme:${model}_firmware:*:*:*:*:*:*:*:*` },
        versions: { kind: 'all' },
        vulnerable: true,
      },
    ],
  ],
});

/** The CPEs of an Acme device of `model`, as acmeFirmwareRule expects them. */
export const acmeDeviceCpes = (model: string) => [`cpe:2.3:o:acme:${model}_firmware:*:*:*:*:*:*:*:*`];

/**
 * Writes an NVD advisory as the store would (next revision from the counter) with the given
 * severity level (null: no score) and KEV flag, visible to `scope` ('*' for the installation).
 */
export async function seedTestAdvisory(
  database: Pick<Database, 'db'>,
  scope: string,
  advisory: { trackingId: string; severity: string | null; kev?: boolean; rules: AffectedRule[] },
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
  const normalised: NormalisedAdvisory = {
    source: 'nvd',
    trackingId: advisory.trackingId,
    title: `Title of ${advisory.trackingId}`,
    language: 'en',
    summary: '',
    cves: [advisory.trackingId],
    published: null,
    lastModified: '2026-11-01T00:00:00Z',
    scores: [],
    kev: advisory.kev ? { dateAdded: '2026-10-01', dueDate: null, requiredAction: null } : null,
    references: [],
    remediations: [],
    rules: advisory.rules,
  };
  const document = JSON.stringify(normalised);
  const id = randomUUID();
  await db
    .insertInto('advisory')
    .values({
      id,
      organisation_id: scope === '*' ? null : scope,
      scope_key: scope,
      source: 'nvd',
      tracking_id: advisory.trackingId,
      title: `Title of ${advisory.trackingId}`,
      language: 'en',
      summary: '',
      cves: JSON.stringify([advisory.trackingId]),
      published: null,
      last_modified: '2026-11-01T00:00:00Z',
      severity_level: advisory.severity,
      cvss_score: advisory.severity === null ? null : 7.5,
      kev_date_added: advisory.kev ? '2026-10-01' : null,
      imported_at: '2026-11-01T00:00:00Z',
      document,
      content_hash: createHash('sha256').update(document).digest('hex'),
      revision: Number(revision),
      withdrawn: 0,
    })
    .execute();
  return id;
}
