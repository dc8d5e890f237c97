import type { Language } from '../catalog/catalog.types';

/** The fixed wording of the printed vendor questionnaire in each language (ja first). */
export interface QuestionnaireText {
  readonly requester: string;
  readonly provider: string;
  readonly system: string;
  readonly assessment: string;
  readonly expires: string;
  readonly questionCount: string;
  readonly generated: string;
  readonly page: (page: number, pages: number) => string;
  readonly instructionsHeading: string;
  readonly instructions: readonly string[];
  readonly question: (index: number, number: string) => string;
  readonly checkPoints: string;
  readonly why: string;
  readonly answer: string;
  readonly freeText: string;
  readonly respondent: string;
  readonly respondentFields: readonly string[];
}

export const QUESTIONNAIRE_TEXT: Readonly<Record<Language, QuestionnaireText>> = {
  ja: {
    requester: '依頼元',
    provider: '回答をお願いする先',
    system: '対象システム',
    assessment: '評価',
    expires: '回答期限',
    questionCount: '質問数',
    generated: '作成日',
    page: (page, pages) => `${page} / ${pages} ページ`,
    instructionsHeading: 'ご回答のお願い',
    instructions: [
      '各質問について、当てはまる回答の □ に印を付けてください。',
      '補足や根拠となる資料（規程、手順書、証明書など）があれば、記入欄にお書きください。',
      'ご回答は評価の証跡として扱い、項目の判定は評価担当者が行います。',
    ],
    question: (index, number) => `質問 ${index}（チェックシート No.${number}）`,
    checkPoints: '確認のポイント',
    why: 'なぜ重要か',
    answer: '回答',
    freeText: '補足・根拠（自由記述）',
    respondent: '回答者',
    respondentFields: ['会社名', '部署', '氏名', '回答日'],
  },
  en: {
    requester: 'Requested by',
    provider: 'Addressed to',
    system: 'System',
    assessment: 'Assessment',
    expires: 'Answer by',
    questionCount: 'Questions',
    generated: 'Generated',
    page: (page, pages) => `Page ${page} of ${pages}`,
    instructionsHeading: 'How to answer',
    instructions: [
      'For each question, tick the box of the answer that applies.',
      'Add any explanation or supporting documents (policies, procedures, certificates) in the space provided.',
      'Your answers are kept as evidence; the assessor decides the result of each item.',
    ],
    question: (index, number) => `Question ${index} (checksheet No. ${number})`,
    checkPoints: 'Check points',
    why: 'Why it matters',
    answer: 'Answer',
    freeText: 'Explanation and evidence (free text)',
    respondent: 'Respondent',
    respondentFields: ['Company', 'Department', 'Name', 'Date'],
  },
};
