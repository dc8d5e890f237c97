import type { Actor } from '../../core/auth/actor';
import type { AssessmentExchangeData } from '../../core/reports/assessment-exchange.types';
import { listAnswers } from '../../db/answer.repository';
import { listEvidenceRecords, listSupports } from '../../db/evidence.repository';
import { listFindingRecords } from '../../db/finding.repository';
import { findOrganisation, listMembers } from '../../db/organisation.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { AssessmentDeps } from '../assessments/assessment-deps';
import { requireAssessment, requireSystem } from '../assessments/require-assessment';

/**
 * Reads one assessment of the actor's organisation with its answers, findings and the evidence
 * linked to it, for the exchange exports (CSV, OSCAL). NOT_FOUND for an unknown assessment or
 * another organisation's. Reads only; any member of the organisation may export what they may read.
 */
export async function loadAssessmentExchange(
  deps: Pick<AssessmentDeps, 'database'>,
  input: { actor: Actor; assessmentId: string },
): Promise<AssessmentExchangeData> {
  const { organisationId } = requireOrganisation(input.actor);
  const db = deps.database.db;
  const assessment = await requireAssessment(db, organisationId, input.assessmentId);
  const system = await requireSystem(db, organisationId, assessment.systemId);
  const organisation = await findOrganisation(db, organisationId);
  const answers = await listAnswers(db, organisationId, assessment.id);
  const findings = await listFindingRecords(db, organisationId, assessment.id);
  const evidence = await listEvidenceRecords(db, organisationId, { assessmentId: assessment.id });
  const supports = await listSupports(
    db,
    organisationId,
    evidence.map((record) => record.id),
  );
  const members = await listMembers(db, organisationId);
  return {
    organisation: { id: organisationId, name: organisation?.name ?? '' },
    system: { id: system.id, name: system.name },
    assessment: {
      id: assessment.id,
      title: assessment.title,
      frameworkId: assessment.frameworkId,
      frameworkVersion: assessment.frameworkVersion,
      catalogHash: assessment.catalogHash,
      periodStart: assessment.periodStart,
      periodEnd: assessment.periodEnd,
      status: assessment.status,
      createdAt: assessment.createdAt,
      updatedAt: assessment.updatedAt,
      closedAt: assessment.closedAt,
    },
    answers,
    findings: findings.map((finding) => ({
      id: finding.id,
      itemId: finding.itemId,
      issue: finding.issue,
      impact: finding.impact,
      recommendation: finding.recommendation,
      priority: finding.priority,
      ownerName: finding.ownerName,
      dueDate: finding.dueDate,
      status: finding.status,
      createdAt: finding.createdAt,
      updatedAt: finding.updatedAt,
    })),
    evidence: evidence.map((record) => ({
      id: record.id,
      kind: record.kind,
      title: record.title,
      evidenceDate: record.evidenceDate,
      validUntil: record.validUntil,
      sha256: record.sha256,
      mediaType: record.mediaType,
      originalName: record.originalName,
      url: record.url,
      body: record.body,
      createdAt: record.createdAt,
      itemIds: (supports.get(record.id) ?? [])
        .filter((support) => support.assessmentId === assessment.id)
        .map((support) => support.itemId),
    })),
    memberNames: new Map(members.map((member) => [member.userId, member.displayName || member.email])),
  };
}
