import type { AnswerResult, FindingStatus, Priority } from '../../../core/assessment/assessment.types';
import type { Language } from '../../../core/catalog/catalog.types';

/** The words of a checksheet workbook in one language (result labels as the web shows them). */
export interface ChecksheetWorkbookLabels {
  readonly checksheetSheet: string;
  readonly findingsSheet: string;
  readonly columns: {
    readonly function: string;
    readonly category: string;
    readonly number: string;
    readonly title: string;
    readonly checks: string;
    readonly result: string;
    readonly comment: string;
    readonly evidence: string;
    readonly assignee: string;
    readonly dueDate: string;
  };
  readonly findingColumns: {
    readonly item: string;
    readonly issue: string;
    readonly impact: string;
    readonly recommendation: string;
    readonly priority: string;
    readonly owner: string;
    readonly due: string;
    readonly status: string;
  };
  readonly results: Readonly<Record<AnswerResult, string>>;
  readonly priorities: Readonly<Record<Priority, string>>;
  readonly statuses: Readonly<Record<FindingStatus, string>>;
  readonly pickResult: { readonly title: string; readonly prompt: string; readonly error: string };
}

/** Sheet names are fixed in both languages, so a workbook is read whichever language wrote it. */
export const CHECKSHEET_WORKBOOK_LABELS: Readonly<Record<Language, ChecksheetWorkbookLabels>> = {
  ja: {
    checksheetSheet: 'チェックシート',
    findingsSheet: '指摘事項',
    columns: {
      function: '機能',
      category: 'カテゴリ',
      number: 'No.',
      title: '項目',
      checks: '確認ポイント',
      result: '回答',
      comment: 'コメント',
      evidence: '証跡',
      assignee: '担当者',
      dueDate: '期限',
    },
    findingColumns: {
      item: '項目 No.',
      issue: '問題点',
      impact: '影響',
      recommendation: '推奨する対策',
      priority: '優先度',
      owner: '対応責任者',
      due: '対応期限',
      status: '対応状況',
    },
    results: {
      implemented: '実施済',
      partial: '一部実施',
      not_implemented: '未実施',
      not_applicable: '対象外',
      unanswered: '未回答',
    },
    priorities: { high: '高', medium: '中', low: '低' },
    statuses: { open: '未対応', in_progress: '対応中', resolved: '対応済み', accepted_risk: 'リスク受容' },
    pickResult: { title: '回答', prompt: '一覧から選んでください', error: '一覧にある回答を選んでください。' },
  },
  en: {
    checksheetSheet: 'Checksheet',
    findingsSheet: 'Findings',
    columns: {
      function: 'Function',
      category: 'Category',
      number: 'No.',
      title: 'Item',
      checks: 'Check points',
      result: 'Answer',
      comment: 'Comment',
      evidence: 'Evidence',
      assignee: 'Assignee',
      dueDate: 'Due date',
    },
    findingColumns: {
      item: 'Item No.',
      issue: 'Issue',
      impact: 'Impact',
      recommendation: 'Recommendation',
      priority: 'Priority',
      owner: 'Owner',
      due: 'Due date',
      status: 'Status',
    },
    results: {
      implemented: 'Implemented',
      partial: 'Partial',
      not_implemented: 'Not implemented',
      not_applicable: 'Not applicable',
      unanswered: 'Unanswered',
    },
    priorities: { high: 'High', medium: 'Medium', low: 'Low' },
    statuses: { open: 'Open', in_progress: 'In progress', resolved: 'Resolved', accepted_risk: 'Risk accepted' },
    pickResult: { title: 'Answer', prompt: 'Choose from the list', error: 'Choose an answer from the list.' },
  },
};

/** The name of the hidden sheet that carries what an import needs; the same in every language. */
export const STATE_SHEET = 'iotcheck';
