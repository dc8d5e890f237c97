import type {
  AnswerResult,
  AssessmentStatus,
  Criticality,
  FindingStatus,
  Priority,
} from '../assessment/assessment.types';
import type { Language } from '../catalog/catalog.types';

/** The fixed wording of the management report in each language (ja first). */
export interface ManagementReportText {
  readonly title: string;
  readonly detailedTitle: string;
  readonly organisation: string;
  readonly system: string;
  readonly criticality: string;
  readonly systemOwner: string;
  readonly assessment: string;
  readonly framework: string;
  readonly period: string;
  readonly status: string;
  readonly generated: string;
  readonly page: (page: number, pages: number) => string;
  readonly summary: string;
  readonly keyFigures: string;
  readonly overallScore: string;
  readonly level: (level: number) => string;
  readonly completion: string;
  readonly openFindings: string;
  readonly overdueItems: string;
  readonly overdueFindings: string;
  readonly highPriority: string;
  readonly scoresByFunction: string;
  readonly scoresByCategory: string;
  readonly radarNote: string;
  readonly functionColumn: string;
  readonly score: string;
  readonly levelColumn: string;
  readonly previousColumn: string;
  readonly changeColumn: string;
  readonly answered: string;
  readonly changeSincePrevious: string;
  readonly noPrevious: string;
  readonly topGaps: string;
  readonly noGaps: string;
  readonly gapRank: string;
  readonly item: string;
  readonly result: string;
  readonly due: string;
  readonly finding: string;
  readonly owner: string;
  readonly priority: string;
  readonly noFindings: string;
  readonly recommendation: string;
  readonly providerItems: string;
  readonly providerNote: string;
  readonly evidenceCoverage: string;
  readonly evidenceClaimed: string;
  readonly evidenceBacked: string;
  readonly evidenceRecords: string;
  readonly evidenceExpired: string;
  readonly appendix: string;
  readonly appendixNote: string;
  readonly detailNote: string;
  readonly detailsHeading: string;
  readonly number: string;
  readonly evidenceShort: string;
  readonly findingsShort: string;
  readonly comment: string;
  readonly justification: string;
  readonly checkPoints: string;
  readonly evidenceList: string;
  readonly none: string;
  readonly done: string;
  readonly notDone: string;
  readonly overdue: string;
  readonly results: Readonly<Record<AnswerResult, string>>;
  readonly statuses: Readonly<Record<AssessmentStatus, string>>;
  readonly criticalities: Readonly<Record<Criticality, string>>;
  readonly priorities: Readonly<Record<Priority, string>>;
  readonly findingStatuses: Readonly<Record<FindingStatus, string>>;
  readonly changes: Readonly<Record<'improved' | 'worse' | 'unchanged' | 'changed', string>>;
}

export const MANAGEMENT_REPORT_TEXT: Readonly<Record<Language, ManagementReportText>> = {
  ja: {
    title: 'IoT セキュリティ評価 経営層向け報告書',
    detailedTitle: 'IoT セキュリティ評価 経営層向け報告書（詳細版）',
    organisation: '組織',
    system: '対象システム',
    criticality: '重要度',
    systemOwner: 'システム責任者',
    assessment: '評価',
    framework: '基準',
    period: '評価期間',
    status: '状態',
    generated: '作成日',
    page: (page, pages) => `${page} / ${pages} ページ`,
    summary: 'エグゼクティブサマリー',
    keyFigures: '主要な数値',
    overallScore: '総合スコア',
    level: (level) => `レベル ${level} / 4`,
    completion: '回答率',
    openFindings: '未解決の指摘',
    overdueItems: '期限切れの項目',
    overdueFindings: '期限切れの指摘',
    highPriority: '優先度「高」',
    scoresByFunction: '機能別スコア（NIST CSF）',
    scoresByCategory: 'カテゴリ別スコア',
    radarNote: '実線は今回、破線は前回の評価。目盛りはレベルの境目（20% ごと）です。',
    functionColumn: '機能',
    score: 'スコア',
    levelColumn: 'レベル',
    previousColumn: '前回',
    changeColumn: '変化',
    answered: '回答',
    changeSincePrevious: '前回の評価からの変化',
    noPrevious: '同じシステムの過去の評価はありません。今回の結果が今後の比較の基準になります。',
    topGaps: '優先して対処すべき課題',
    noGaps: '未実施・一部実施の項目はありません。',
    gapRank: '優先度',
    item: '項目',
    result: '結果',
    due: '期限',
    finding: '指摘',
    owner: '担当',
    priority: '優先度',
    noFindings: '指摘は未登録です。',
    recommendation: '対策',
    providerItems: '委託先・提供元に関わる項目',
    providerNote: '機器の提供元や運用の委託先に確認が必要な項目です。',
    evidenceCoverage: '証跡の充足状況',
    evidenceClaimed: '実施済・一部実施と回答した項目',
    evidenceBacked: 'うち証跡のある項目',
    evidenceRecords: '評価に紐づく証跡',
    evidenceExpired: 'うち有効期限切れ',
    appendix: '付録: 全項目の結果',
    appendixNote: 'チェックシートの全項目と今回の回答です。',
    detailNote: '各項目の回答内容、チェックポイントの実施状況、証跡の一覧です。',
    detailsHeading: '付録: 各項目の詳細',
    number: 'No.',
    evidenceShort: '証跡',
    findingsShort: '指摘',
    comment: 'コメント',
    justification: '対象外の理由',
    checkPoints: 'チェックポイント',
    evidenceList: '証跡',
    none: 'なし',
    done: '実施',
    notDone: '未実施',
    overdue: '期限切れ',
    results: {
      implemented: '実施済',
      partial: '一部実施',
      not_implemented: '未実施',
      not_applicable: '対象外',
      unanswered: '未回答',
    },
    statuses: {
      planned: '計画中',
      in_progress: '評価中',
      in_review: 'レビュー中',
      done: '完了',
      archived: 'アーカイブ済み',
    },
    criticalities: { critical: '最重要', important: '重要', supporting: '補助' },
    priorities: { high: '高', medium: '中', low: '低' },
    findingStatuses: { open: '未対応', in_progress: '対応中', resolved: '対応済み', accepted_risk: 'リスク受容' },
    changes: { improved: '改善', worse: '悪化', unchanged: '変化なし', changed: '変更' },
  },
  en: {
    title: 'IoT Security Assessment: Management Report',
    detailedTitle: 'IoT Security Assessment: Management Report (detailed)',
    organisation: 'Organisation',
    system: 'System',
    criticality: 'Criticality',
    systemOwner: 'System owner',
    assessment: 'Assessment',
    framework: 'Framework',
    period: 'Period',
    status: 'Status',
    generated: 'Generated',
    page: (page, pages) => `Page ${page} of ${pages}`,
    summary: 'Executive summary',
    keyFigures: 'Key figures',
    overallScore: 'Overall score',
    level: (level) => `Level ${level} of 4`,
    completion: 'Answered',
    openFindings: 'Open findings',
    overdueItems: 'Overdue items',
    overdueFindings: 'Overdue findings',
    highPriority: 'High priority',
    scoresByFunction: 'Scores by function (NIST CSF)',
    scoresByCategory: 'Scores by category',
    radarNote: 'Solid: this assessment; dashed: the previous one. Rings mark the level thresholds (every 20%).',
    functionColumn: 'Function',
    score: 'Score',
    levelColumn: 'Level',
    previousColumn: 'Previous',
    changeColumn: 'Change',
    answered: 'Answered',
    changeSincePrevious: 'Change since the previous assessment',
    noPrevious: 'There is no earlier assessment of this system; this one becomes the baseline for later comparisons.',
    topGaps: 'Gaps to address first',
    noGaps: 'No item is answered not implemented or partial.',
    gapRank: 'Rank',
    item: 'Item',
    result: 'Result',
    due: 'Due',
    finding: 'Finding',
    owner: 'Owner',
    priority: 'Priority',
    noFindings: 'No finding recorded yet.',
    recommendation: 'Recommendation',
    providerItems: 'Items that concern providers',
    providerNote: 'Items to confirm with the device vendor or the service provider running the system.',
    evidenceCoverage: 'Evidence coverage',
    evidenceClaimed: 'Items answered implemented or partial',
    evidenceBacked: 'of which backed by evidence',
    evidenceRecords: 'Evidence linked to the assessment',
    evidenceExpired: 'of which past its valid-until date',
    appendix: 'Appendix: results of every item',
    appendixNote: 'Every item of the checksheet with this assessment’s answer.',
    detailNote: 'Each item’s answer, the state of its check points and its evidence.',
    detailsHeading: 'Appendix: details of every item',
    number: 'No.',
    evidenceShort: 'Evid.',
    findingsShort: 'Find.',
    comment: 'Comment',
    justification: 'Why not applicable',
    checkPoints: 'Check points',
    evidenceList: 'Evidence',
    none: 'None',
    done: 'Done',
    notDone: 'Not done',
    overdue: 'Overdue',
    results: {
      implemented: 'Implemented',
      partial: 'Partial',
      not_implemented: 'Not implemented',
      not_applicable: 'Not applicable',
      unanswered: 'Unanswered',
    },
    statuses: {
      planned: 'Planned',
      in_progress: 'In progress',
      in_review: 'In review',
      done: 'Done',
      archived: 'Archived',
    },
    criticalities: { critical: 'Critical', important: 'Important', supporting: 'Supporting' },
    priorities: { high: 'High', medium: 'Medium', low: 'Low' },
    findingStatuses: { open: 'Open', in_progress: 'In progress', resolved: 'Resolved', accepted_risk: 'Risk accepted' },
    changes: { improved: 'Improved', worse: 'Worse', unchanged: 'Unchanged', changed: 'Changed' },
  },
};
