import type { AssessmentDeps } from '../services/assessments/assessment-deps';
import { saveAnswersBulk } from '../services/assessments/save-answers-bulk';
import { createEvidenceEntry } from '../services/evidence/create-evidence-entry';
import type { EvidenceDeps } from '../services/evidence/evidence-deps';
import { linkEvidence } from '../services/evidence/link-evidence';
import { uploadEvidence } from '../services/evidence/upload-evidence';
import { createFinding } from '../services/findings/create-finding';
import { updateFinding } from '../services/findings/update-finding';
import { seedAssessment, seedAssessmentTeam } from './test-assessments';
import { incomingFile, uniquePdf } from './test-evidence';
import type { TestDatabase } from './test-database';

/**
 * A jssec-v2 assessment as exports see it: answers of every kind (with a comment that looks like
 * a spreadsheet formula and one with a line break), a file, a link and a text as evidence, and
 * findings open, in progress and resolved, with and without impact and recommendation.
 */
export async function seedExchangeAssessment(database: TestDatabase, deps: AssessmentDeps, evidenceDeps: EvidenceDeps) {
  const team = await seedAssessmentTeam(database, 'Plant 工場');
  const { assessmentId, systemId } = await seedAssessment(deps, team.owner);
  await saveAnswersBulk(deps, {
    actor: team.assessor,
    assessmentId,
    answers: [
      { itemId: '1', version: 0, result: 'implemented', comment: '台帳あり\n毎月更新' },
      { itemId: '2', version: 0, result: 'partial', comment: '=HYPERLINK("http://evil.example","x")' },
      { itemId: '25', version: 0, result: 'not_implemented', dueDate: '2026-12-31' },
      { itemId: '30', version: 0, result: 'not_applicable', justification: '無線は使っていない' },
    ],
  });
  const file = await uploadEvidence(evidenceDeps, {
    actor: team.assessor,
    file: incomingFile(uniquePdf(), 'inventory.pdf'),
    details: async () => ({ title: '機器台帳', evidenceDate: '2026-11-01', assessmentId, itemId: 'jssec-v2:1' }),
  });
  const link = await createEvidenceEntry(evidenceDeps, {
    actor: team.assessor,
    entry: { kind: 'link', title: '+設定手順', url: 'https://wiki.example.jp/iot/手順 1', validUntil: '2027-03-31' },
  });
  await linkEvidence(evidenceDeps, { actor: team.assessor, assessmentId, itemId: 'jssec-v2:25', evidenceId: link.id });
  await linkEvidence(evidenceDeps, { actor: team.assessor, assessmentId, itemId: 'jssec-v2:1', evidenceId: link.id });
  const text = await createEvidenceEntry(evidenceDeps, {
    actor: team.assessor,
    entry: { kind: 'text', title: 'ヒアリング', body: 'ベンダーに確認済み' },
  });
  await linkEvidence(evidenceDeps, { actor: team.assessor, assessmentId, itemId: 'jssec-v2:2', evidenceId: text.id });
  const open = await createFinding(deps, {
    actor: team.assessor,
    assessmentId,
    finding: {
      itemId: 'jssec-v2:25',
      issue: '初期パスワードのまま運用\n全 12 台',
      impact: '遠隔から乗っ取られる',
      recommendation: '機器ごとに固有のパスワードへ変更する',
      priority: 'high',
      ownerName: '設備課 山田',
      dueDate: '2026-12-31',
    },
  });
  const bare = await createFinding(deps, {
    actor: team.assessor,
    assessmentId,
    finding: { itemId: 'jssec-v2:2', issue: '@台帳の更新が遅れている', priority: 'low' },
  });
  const resolved = await createFinding(deps, {
    actor: team.assessor,
    assessmentId,
    finding: { itemId: 'jssec-v2:1', issue: '旧台帳が残っていた', impact: '誤った判断', priority: 'medium' },
  });
  await updateFinding(deps, {
    actor: team.assessor,
    findingId: resolved.id,
    update: { version: resolved.version, status: 'resolved' },
  });
  return { team, assessmentId, systemId, evidence: { file, link, text }, findings: { open, bare, resolved } };
}
