import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './database';

type Db = Kysely<DatabaseSchema>;

/** Ids of the things audit entries point at, grouped by what they are. */
export interface AuditTargetIds {
  readonly systemIds: readonly string[];
  readonly assessmentIds: readonly string[];
  readonly findingIds: readonly string[];
  readonly evidenceIds: readonly string[];
  readonly userIds: readonly string[];
  readonly tokenIds: readonly string[];
}

/** The names behind those ids, as they are now; a deleted target has no entry. */
export interface AuditTargetNames {
  readonly systems: ReadonlyMap<string, string>;
  readonly assessments: ReadonlyMap<string, { readonly title: string; readonly systemName: string }>;
  readonly findings: ReadonlyMap<
    string,
    { readonly issue: string; readonly assessmentId: string; readonly itemId: string }
  >;
  readonly evidence: ReadonlyMap<string, string>;
  readonly users: ReadonlyMap<string, string>;
  readonly tokens: ReadonlyMap<string, string>;
}

/**
 * Looks up, within one organisation, the names of the systems, assessments, findings, evidence,
 * people and API tokens that audit entries point at, so the trail reads by name rather than id.
 * User ids come from the organisation's own trail, so people who have since left are still named.
 */
export async function findAuditTargetNames(
  db: Db,
  organisationId: string,
  ids: AuditTargetIds,
): Promise<AuditTargetNames> {
  const unique = (values: readonly string[]) => [...new Set(values)];
  const systemIds = unique(ids.systemIds);
  const assessmentIds = unique(ids.assessmentIds);
  const findingIds = unique(ids.findingIds);
  const evidenceIds = unique(ids.evidenceIds);
  const userIds = unique(ids.userIds);
  const tokenIds = unique(ids.tokenIds);
  const [systems, assessments, findings, evidence, users, tokens] = await Promise.all([
    systemIds.length === 0
      ? []
      : db
          .selectFrom('iot_system')
          .select(['id', 'name'])
          .where('organisation_id', '=', organisationId)
          .where('id', 'in', systemIds)
          .execute(),
    assessmentIds.length === 0
      ? []
      : db
          .selectFrom('assessment')
          .innerJoin('iot_system', (join) =>
            join
              .onRef('iot_system.id', '=', 'assessment.system_id')
              .onRef('iot_system.organisation_id', '=', 'assessment.organisation_id'),
          )
          .select(['assessment.id', 'assessment.title', 'iot_system.name as system_name'])
          .where('assessment.organisation_id', '=', organisationId)
          .where('assessment.id', 'in', assessmentIds)
          .execute(),
    findingIds.length === 0
      ? []
      : db
          .selectFrom('finding')
          .select(['id', 'issue', 'assessment_id', 'item_id'])
          .where('organisation_id', '=', organisationId)
          .where('id', 'in', findingIds)
          .execute(),
    evidenceIds.length === 0
      ? []
      : db
          .selectFrom('evidence')
          .select(['id', 'title'])
          .where('organisation_id', '=', organisationId)
          .where('id', 'in', evidenceIds)
          .execute(),
    userIds.length === 0
      ? []
      : db.selectFrom('app_user').select(['id', 'display_name']).where('id', 'in', userIds).execute(),
    tokenIds.length === 0
      ? []
      : db
          .selectFrom('api_token')
          .select(['id', 'name'])
          .where('organisation_id', '=', organisationId)
          .where('id', 'in', tokenIds)
          .execute(),
  ]);
  return {
    systems: new Map(systems.map((row) => [row.id, row.name])),
    assessments: new Map(assessments.map((row) => [row.id, { title: row.title, systemName: row.system_name }])),
    findings: new Map(
      findings.map((row) => [row.id, { issue: row.issue, assessmentId: row.assessment_id, itemId: row.item_id }]),
    ),
    evidence: new Map(evidence.map((row) => [row.id, row.title])),
    users: new Map(users.map((row) => [row.id, row.display_name])),
    tokens: new Map(tokens.map((row) => [row.id, row.name])),
  };
}
