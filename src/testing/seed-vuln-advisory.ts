import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AdvisoryScore, AffectedRule, NormalisedAdvisory } from '../core/vulnerabilities/advisory.types';
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

/** What a test says of the advisory it seeds; the rest has plain defaults. */
export interface TestAdvisory {
  readonly trackingId: string;
  /** The severity level (null: no score); with `score` the level of that score. */
  readonly severity: string | null;
  readonly kev?: boolean;
  readonly rules: AffectedRule[];
  /** `nvd` unless said. */
  readonly source?: NormalisedAdvisory['source'];
  /** `Title of <trackingId>` unless said. */
  readonly title?: string;
  /** The tracking id unless said. */
  readonly cves?: string[];
  /** One CVSS score (its base score is stored); otherwise 7.5 for a severity, none without. */
  readonly score?: AdvisoryScore;
  readonly references?: string[];
}

/**
 * Writes an advisory as the store would (next revision from the counter) with the given
 * severity level (null: no score) and KEV flag, visible to `scope` ('*' for the installation).
 */
export async function seedTestAdvisory(
  database: Pick<Database, 'db'>,
  scope: string,
  advisory: TestAdvisory,
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
  const title = advisory.title ?? `Title of ${advisory.trackingId}`;
  const cves = advisory.cves ?? [advisory.trackingId];
  const normalised: NormalisedAdvisory = {
    source: advisory.source ?? 'nvd',
    trackingId: advisory.trackingId,
    title,
    language: 'en',
    summary: '',
    cves,
    published: null,
    lastModified: '2026-11-01T00:00:00Z',
    scores: advisory.score ? [advisory.score] : [],
    kev: advisory.kev ? { dateAdded: '2026-10-01', dueDate: null, requiredAction: null } : null,
    references: advisory.references ?? [],
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
      source: normalised.source,
      tracking_id: advisory.trackingId,
      title,
      language: 'en',
      summary: '',
      cves: JSON.stringify(cves),
      published: null,
      last_modified: '2026-11-01T00:00:00Z',
      severity_level: advisory.severity,
      cvss_score: advisory.score?.baseScore ?? (advisory.severity === null ? null : 7.5),
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
