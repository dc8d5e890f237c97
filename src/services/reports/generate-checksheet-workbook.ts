import { listFrameworkItems } from '../../core/assessment/framework-items';
import type { Actor } from '../../core/auth/actor';
import type { Catalog } from '../../core/catalog/catalog.types';
import { listAnswers } from '../../db/answer.repository';
import { listEvidenceRecords, listSupports } from '../../db/evidence.repository';
import { listFindingRecords } from '../../db/finding.repository';
import { listMembers } from '../../db/organisation.repository';
import { findSystem } from '../../db/system.repository';
import { commentHash } from '../../integrations/exports/xlsx/checksheet-workbook-state';
import {
  CHECKSHEET_WORKBOOK_FORMAT,
  type ChecksheetRow,
  type ChecksheetWorkbookContent,
  type FindingRow,
} from '../../integrations/exports/xlsx/checksheet-workbook.types';
import { writeChecksheetWorkbook } from '../../integrations/exports/xlsx/write-checksheet-workbook';
import { requireOrganisation } from '../accounts/require-user';
import type { AssessmentDeps } from '../assessments/assessment-deps';
import { requireAssessment } from '../assessments/require-assessment';
import type { GeneratedReport, ReportLanguage, ReportProgress } from './generated-report';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `iotcheck-checksheet-1a2b3c4d-20260402.xlsx`: what it is, the assessment's short id, the day. */
export function checksheetWorkbookName(assessmentId: string, now: Date): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  return `iotcheck-checksheet-${assessmentId.slice(0, 8)}-${day}.xlsx`;
}

/** `ID 特定` / `ID Identify`: a node's code and title, for the function and category columns. */
function nodeLabel(catalog: Catalog, frameworkId: string, code: string, language: ReportLanguage): string {
  const node = catalog.nodes.get(`${frameworkId}:${code}`);
  return node ? `${code} ${node.title[language]}` : code;
}

/**
 * The checksheet workbook of an assessment (XLSX): every item of its framework in sheet order with
 * check points, answer, comment, evidence titles, assignee and due date, then the findings, and a
 * hidden sheet an import reads back (ids, catalog hash, each row's answer version). Reads
 * everything now (so an unknown assessment fails here, NOT_FOUND) and streams the file on `write`.
 */
export async function generateChecksheetWorkbook(
  deps: AssessmentDeps,
  input: { actor: Actor; assessmentId: string; language: ReportLanguage; onProgress?: ReportProgress },
): Promise<GeneratedReport> {
  const { organisationId } = requireOrganisation(input.actor);
  const { catalog } = deps;
  const db = deps.database.db;
  const language = input.language;
  const assessment = await requireAssessment(db, organisationId, input.assessmentId);
  const [system, answers, evidence, findings, members] = await Promise.all([
    findSystem(db, organisationId, assessment.systemId),
    listAnswers(db, organisationId, assessment.id),
    listEvidenceRecords(db, organisationId, { assessmentId: assessment.id }),
    listFindingRecords(db, organisationId, assessment.id),
    listMembers(db, organisationId),
  ]);
  const supports = await listSupports(
    db,
    organisationId,
    evidence.map((record) => record.id),
  );
  const evidenceByItem = new Map<string, string[]>();
  for (const record of [...evidence].reverse())
    for (const support of supports.get(record.id) ?? [])
      if (support.assessmentId === assessment.id)
        evidenceByItem.set(support.itemId, [...(evidenceByItem.get(support.itemId) ?? []), record.title]);
  const names = new Map(members.map((member) => [member.userId, member.displayName || member.email]));
  const items = listFrameworkItems(catalog, assessment.frameworkId);
  const codeOf = new Map(items.map((item) => [item.itemId, item.code]));

  const rows: ChecksheetRow[] = items.map((item) => {
    const answer = answers.get(item.itemId);
    const comment = answer?.comment ?? '';
    return {
      itemId: item.itemId,
      number: item.code,
      version: answer?.version ?? 0,
      result: answer?.result ?? 'unanswered',
      commentHash: commentHash(comment),
      functionLabel: nodeLabel(catalog, assessment.frameworkId, item.functionCode, language),
      categoryLabel: nodeLabel(catalog, assessment.frameworkId, item.categoryCode, language),
      title: catalog.nodes.get(item.itemId)?.title[language] ?? item.code,
      checkPoints: item.checkIds.map((checkId) => catalog.nodes.get(checkId)?.title[language] ?? checkId),
      comment,
      evidenceTitles: evidenceByItem.get(item.itemId) ?? [],
      assignee: answer?.assigneeUserId ? (names.get(answer.assigneeUserId) ?? '') : '',
      dueDate: answer?.dueDate ?? '',
    };
  });
  const findingRows: FindingRow[] = findings.map((finding) => ({
    itemNumber: codeOf.get(finding.itemId) ?? finding.itemId,
    issue: finding.issue,
    impact: finding.impact,
    recommendation: finding.recommendation,
    priority: finding.priority,
    owner: finding.ownerName,
    dueDate: finding.dueDate ?? '',
    status: finding.status,
  }));
  const now = deps.clock();
  const content: ChecksheetWorkbookContent = {
    meta: {
      format: CHECKSHEET_WORKBOOK_FORMAT,
      assessmentId: assessment.id,
      organisationId,
      frameworkId: assessment.frameworkId,
      catalogHash: assessment.catalogHash,
      language,
      exportedAt: now.toISOString(),
    },
    heading: [system?.name, assessment.title].filter(Boolean).join(' — '),
    rows,
    findings: findingRows,
  };
  return {
    fileName: checksheetWorkbookName(assessment.id, now),
    mediaType: XLSX,
    write: (destination) => writeChecksheetWorkbook(destination, content, input.onProgress),
  };
}
