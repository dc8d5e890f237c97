import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './database';
import { OPEN_FINDING_STATUSES } from './assessment-facts.repository';

type Db = Kysely<DatabaseSchema>;

/** Who copies, when, and which items still exist in the framework the copy is made against. */
export interface CopyScope {
  readonly organisationId: string;
  readonly fromAssessmentId: string;
  readonly toAssessmentId: string;
  readonly itemIds: readonly string[];
  readonly at: string;
  readonly by: string | null;
}

/** Links the evidence of the source assessment's items to the same items of the copy; returns how many. */
export async function copyEvidenceLinks(db: Db, scope: CopyScope): Promise<number> {
  if (scope.itemIds.length === 0) return 0;
  const links = await db
    .selectFrom('answer_evidence')
    .select(['item_id', 'evidence_id'])
    .where('organisation_id', '=', scope.organisationId)
    .where('assessment_id', '=', scope.fromAssessmentId)
    .where('item_id', 'in', [...scope.itemIds])
    .execute();
  if (links.length === 0) return 0;
  await db
    .insertInto('answer_evidence')
    .values(
      links.map((link) => ({
        assessment_id: scope.toAssessmentId,
        item_id: link.item_id,
        evidence_id: link.evidence_id,
        organisation_id: scope.organisationId,
        linked_at: scope.at,
        linked_by: scope.by,
      })),
    )
    .execute();
  return links.length;
}

/** Carries the source's open findings over to the copy (new ids, version 1); returns how many. */
export async function copyOpenFindings(db: Db, scope: CopyScope): Promise<number> {
  if (scope.itemIds.length === 0) return 0;
  const findings = await db
    .selectFrom('finding')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where('assessment_id', '=', scope.fromAssessmentId)
    .where('status', 'in', [...OPEN_FINDING_STATUSES])
    .where('item_id', 'in', [...scope.itemIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (findings.length === 0) return 0;
  await db
    .insertInto('finding')
    .values(
      findings.map((finding) => ({
        ...finding,
        id: randomUUID(),
        assessment_id: scope.toAssessmentId,
        version: 1,
        created_at: scope.at,
        updated_at: scope.at,
      })),
    )
    .execute();
  return findings.length;
}
