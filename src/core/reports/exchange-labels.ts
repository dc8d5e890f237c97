import type { AnswerResult, FindingStatus, Priority, ReviewState } from '../assessment/assessment.types';
import type { Relationship } from '../catalog/catalog.types';
import type { EvidenceKind } from '../evidence/evidence.types';

/** The languages exchange files (CSV, OSCAL) are written in. */
export type ExchangeLanguage = 'ja' | 'en';

/**
 * The words CSV and OSCAL exports put into files, in both languages. Values (results, states)
 * read as on the screens; sentences are iotcheck's own.
 */
export const EXCHANGE_LABELS = {
  ja: {
    results: {
      implemented: '実施済',
      partial: '一部実施',
      not_implemented: '未実施',
      not_applicable: '対象外',
      unanswered: '未回答',
    } satisfies Record<AnswerResult, string>,
    reviewStates: {
      open: '未提出',
      ready_for_review: 'レビュー待ち',
      accepted: '承認済み',
      returned: '差し戻し',
    } satisfies Record<ReviewState, string>,
    priorities: { high: '高', medium: '中', low: '低' } satisfies Record<Priority, string>,
    findingStatuses: {
      open: '未対応',
      in_progress: '対応中',
      resolved: '対応済み',
      accepted_risk: 'リスク受容',
    } satisfies Record<FindingStatus, string>,
    evidenceKinds: { file: 'ファイル', link: 'リンク', text: 'テキスト', questionnaire: '提供者回答' } satisfies Record<
      EvidenceKind,
      string
    >,
    relationships: {
      equal: '同等',
      subset: '部分（対応先の一部）',
      superset: '包含（対応先を含む）',
      intersect: '一部重複',
      related: '関連',
    } satisfies Record<Relationship, string>,
    itemLabel: (code: string, title: string) => `No.${code} ${title}`,
    why: 'なぜ重要か',
    consider: '確認すること',
    note: '補足',
    condition: '適用条件',
    checkPoints: '確認ポイント',
    impact: '影響',
    recommendation: '推奨対策',
    issue: '指摘',
    justification: '対象外の理由',
    comment: 'コメント',
    catalogRemarks: (source: string) =>
      `出典: ${source}\n\niotcheck が書き出した OSCAL カタログです。項目の解説（guidance）は iotcheck 独自の要約で、原文ではありません。iotcheck 固有のプロパティと部分は名前空間 urn:iotcheck:oscal に属します。他のフレームワークへのリンクは「この項目は対応先の〈関係〉である」と読みます。`,
    assessmentPlanTitle: (assessment: string) => `評価計画: ${assessment}`,
    assessmentPlanDescription: (system: string, framework: string) =>
      `iotcheck での評価の計画（対象 IoT システム「${system}」、フレームワーク「${framework}」、評価期間、担当）。iotcheck は評価計画を OSCAL として書き出さないため、この資料で参照先を示します。`,
    resultsTitle: (assessment: string, system: string) => `評価結果: ${assessment}（${system}）`,
    resultDescription: (framework: string, answered: number, total: number) =>
      `${framework} による評価。${total} 項目中 ${answered} 項目に回答済み。`,
    poamTitle: (assessment: string, system: string) => `改善計画（POA&M）: ${assessment}（${system}）`,
    assessor: '評価者',
    evidenceFileRemarks: 'ファイルは iotcheck の証跡ストアにあり、SHA-256 で特定できます。',
  },
  en: {
    results: {
      implemented: 'Implemented',
      partial: 'Partial',
      not_implemented: 'Not implemented',
      not_applicable: 'Not applicable',
      unanswered: 'Unanswered',
    } satisfies Record<AnswerResult, string>,
    reviewStates: {
      open: 'Not submitted',
      ready_for_review: 'Ready for review',
      accepted: 'Accepted',
      returned: 'Returned',
    } satisfies Record<ReviewState, string>,
    priorities: { high: 'High', medium: 'Medium', low: 'Low' } satisfies Record<Priority, string>,
    findingStatuses: {
      open: 'Open',
      in_progress: 'In progress',
      resolved: 'Resolved',
      accepted_risk: 'Risk accepted',
    } satisfies Record<FindingStatus, string>,
    evidenceKinds: { file: 'File', link: 'Link', text: 'Text', questionnaire: 'Provider answer' } satisfies Record<
      EvidenceKind,
      string
    >,
    relationships: {
      equal: 'equal',
      subset: 'subset (part of the target)',
      superset: 'superset (covers the target)',
      intersect: 'intersects',
      related: 'related',
    } satisfies Record<Relationship, string>,
    itemLabel: (code: string, title: string) => `No. ${code} ${title}`,
    why: 'Why it matters',
    consider: 'What to consider',
    note: 'Note',
    condition: 'Applies when',
    checkPoints: 'Check points',
    impact: 'Impact',
    recommendation: 'Recommendation',
    issue: 'Finding',
    justification: 'Justification',
    comment: 'Comment',
    catalogRemarks: (source: string) =>
      `Source: ${source}\n\nAn OSCAL catalog exported by iotcheck. The explanations (guidance) are iotcheck's own summaries, not the original text. Properties and parts specific to iotcheck are in the namespace urn:iotcheck:oscal. Links to other frameworks read "this control is <relationship> of the target".`,
    assessmentPlanTitle: (assessment: string) => `Assessment plan: ${assessment}`,
    assessmentPlanDescription: (system: string, framework: string) =>
      `The plan of this assessment in iotcheck (IoT system "${system}", framework "${framework}", assessment period and people). iotcheck does not export assessment plans as OSCAL; this resource stands for it.`,
    resultsTitle: (assessment: string, system: string) => `Assessment results: ${assessment} (${system})`,
    resultDescription: (framework: string, answered: number, total: number) =>
      `Assessment against ${framework}: ${answered} of ${total} items answered.`,
    poamTitle: (assessment: string, system: string) => `Plan of action and milestones: ${assessment} (${system})`,
    assessor: 'Assessor',
    evidenceFileRemarks: "The file is kept in iotcheck's evidence store and identified by its SHA-256.",
  },
} as const;

/** The exchange labels of one language. */
export type ExchangeLabels = (typeof EXCHANGE_LABELS)[ExchangeLanguage];
