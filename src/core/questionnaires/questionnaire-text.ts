import type { QuestionnaireAnswer } from '../reports/questionnaire.types';
import type { QuestionnaireSource } from './questionnaire.types';

type Language = 'ja' | 'en';

/** The answer options as a provider reads them, per language (order of QUESTIONNAIRE_ANSWERS). */
export const QUESTIONNAIRE_ANSWER_LABELS: Readonly<Record<Language, Readonly<Record<QuestionnaireAnswer, string>>>> = {
  ja: { yes: 'はい', partly: '一部対応', no: 'いいえ', not_applicable: '該当しない', unknown: '不明' },
  en: { yes: 'Yes', partly: 'Partly', no: 'No', not_applicable: 'Not applicable', unknown: "Don't know" },
};

/** The title of a questionnaire as handed out. */
export function questionnaireTitle(language: Language, providerName: string): string {
  return language === 'ja'
    ? `IoT セキュリティに関する確認のお願い（${providerName}様）`
    : `IoT security questionnaire for ${providerName}`;
}

/** What a provider's answer becomes as evidence on the assessor's side. */
export interface AnswerEvidenceText {
  readonly title: string;
  readonly body: string;
}

/**
 * The title and body of the evidence one answered question becomes: the question, the answer
 * label, the free text and where it came from (who, when, web form or workbook).
 */
export function answerEvidenceText(input: {
  readonly language: Language;
  readonly providerName: string;
  readonly itemNumber: string;
  readonly question: string;
  readonly answer: QuestionnaireAnswer;
  readonly freeText: string;
  readonly answeredBy: string;
  readonly answeredAt: string;
  readonly source: QuestionnaireSource;
}): AnswerEvidenceText {
  const label = QUESTIONNAIRE_ANSWER_LABELS[input.language][input.answer];
  const at = `${input.answeredAt.slice(0, 16).replace('T', ' ')} UTC`;
  const note = input.freeText.trim();
  if (input.language === 'ja') {
    const via = input.source === 'web' ? 'Web フォームで提供者が回答' : 'Excel ファイルを評価者が取り込み';
    return {
      title: `提供者回答：${input.providerName}（項目${input.itemNumber}）`,
      body: [
        `質問：${input.question}`,
        `回答：${label}`,
        ...(note ? [`補足：${note}`] : []),
        `出典：${via}（${input.answeredBy}、${at}）`,
      ].join('\n'),
    };
  }
  const via = input.source === 'web' ? 'answered by the provider in the web form' : 'workbook imported by the assessor';
  return {
    title: `Provider answer: ${input.providerName} — item ${input.itemNumber}`,
    body: [
      `Question: ${input.question}`,
      `Answer: ${label}`,
      ...(note ? [`Note: ${note}`] : []),
      `Source: ${via} (${input.answeredBy}, ${at})`,
    ].join('\n'),
  };
}
