import { listFrameworkItems } from '../../assessment/framework-items';
import type { Catalog } from '../../catalog/catalog.types';
import { neutraliseFormula } from '../../text/neutralise-formula';
import type { AssessmentExchangeData } from '../assessment-exchange.types';
import type { ExchangeLanguage } from '../exchange-labels';
import { EXCHANGE_LABELS } from '../exchange-labels';

/** What an assessment CSV lists: one row per item, per finding, or per evidence link. */
export const ASSESSMENT_CSV_KINDS = ['answers', 'findings', 'evidence'] as const;
export type AssessmentCsvKind = (typeof ASSESSMENT_CSV_KINDS)[number];

/** A table ready to serialise: the header row and the data rows, every cell safe for spreadsheets. */
export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

const HEADERS = {
  ja: {
    answers: [
      'No.',
      '機能',
      'カテゴリ',
      '項目',
      '結果',
      '対象外の理由',
      'コメント',
      '担当者',
      '期限',
      'レビュー状態',
      '版',
    ],
    findings: [
      'No.',
      '項目',
      '指摘',
      '影響',
      '推奨対策',
      '優先度',
      '対応責任者',
      '対応期限',
      '対応状況',
      '登録日時',
      '更新日時',
    ],
    evidence: ['No.', '項目', '証跡', '種別', '日付', '有効期限', 'ファイル名 / URL', 'SHA-256'],
  },
  en: {
    answers: [
      'No.',
      'Function',
      'Category',
      'Item',
      'Result',
      'Justification',
      'Comment',
      'Assignee',
      'Due date',
      'Review state',
      'Version',
    ],
    findings: [
      'No.',
      'Item',
      'Finding',
      'Impact',
      'Recommendation',
      'Priority',
      'Owner',
      'Due date',
      'Status',
      'Created',
      'Updated',
    ],
    evidence: ['No.', 'Item', 'Evidence', 'Kind', 'Date', 'Valid until', 'File name / URL', 'SHA-256'],
  },
} as const satisfies Record<ExchangeLanguage, Record<AssessmentCsvKind, readonly string[]>>;

/**
 * The rows of an assessment CSV in `language`, in sheet order: `answers` has one row per item of
 * the framework (unanswered ones too), `findings` one per finding, `evidence` one per link of a
 * piece of evidence to an item. Every cell goes through neutraliseFormula, since comments and
 * titles are typed by people and the file is meant for Excel.
 */
export function assessmentCsvTable(
  catalog: Catalog,
  data: AssessmentExchangeData,
  kind: AssessmentCsvKind,
  language: ExchangeLanguage,
): CsvTable {
  const labels = EXCHANGE_LABELS[language];
  const items = listFrameworkItems(catalog, data.assessment.frameworkId);
  const title = (id: string) => {
    const node = catalog.nodes.get(id);
    return node ? `${node.code} ${node.title[language]}` : id;
  };
  const itemTitle = (id: string) => catalog.nodes.get(id)?.title[language] ?? id;
  const code = (id: string) => catalog.nodes.get(id)?.code ?? id;
  const order = new Map(items.map((item, index) => [item.itemId, index]));
  const byItem = (a: { itemId: string }, b: { itemId: string }) =>
    (order.get(a.itemId) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.itemId) ?? Number.MAX_SAFE_INTEGER);
  const frameworkId = data.assessment.frameworkId;

  let rows: string[][];
  switch (kind) {
    case 'answers':
      rows = items.map((item) => {
        const answer = data.answers.get(item.itemId);
        return [
          item.code,
          title(`${frameworkId}:${item.functionCode}`),
          title(`${frameworkId}:${item.categoryCode}`),
          itemTitle(item.itemId),
          labels.results[answer?.result ?? 'unanswered'],
          answer?.justification ?? '',
          answer?.comment ?? '',
          answer?.assigneeUserId ? (data.memberNames.get(answer.assigneeUserId) ?? answer.assigneeUserId) : '',
          answer?.dueDate ?? '',
          labels.reviewStates[answer?.reviewState ?? 'open'],
          String(answer?.version ?? 0),
        ];
      });
      break;
    case 'findings':
      rows = [...data.findings]
        .sort(byItem)
        .map((finding) => [
          code(finding.itemId),
          itemTitle(finding.itemId),
          finding.issue,
          finding.impact,
          finding.recommendation,
          labels.priorities[finding.priority],
          finding.ownerName,
          finding.dueDate ?? '',
          labels.findingStatuses[finding.status],
          finding.createdAt,
          finding.updatedAt,
        ]);
      break;
    case 'evidence':
      rows = data.evidence
        .flatMap((evidence) => evidence.itemIds.map((itemId) => ({ itemId, evidence })))
        .sort(byItem)
        .map(({ itemId, evidence }) => [
          code(itemId),
          itemTitle(itemId),
          evidence.title,
          labels.evidenceKinds[evidence.kind],
          evidence.evidenceDate ?? '',
          evidence.validUntil ?? '',
          evidence.originalName ?? evidence.url ?? '',
          evidence.sha256 ?? '',
        ]);
      break;
  }
  return { header: HEADERS[language][kind], rows: rows.map((row) => row.map(neutraliseFormula)) };
}
