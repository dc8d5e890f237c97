import { describe, expect, it } from 'vitest';
import { QUESTIONNAIRE_TEXT } from '../../core/reports/questionnaire-text';
import type { QuestionnaireDocument } from '../../core/reports/questionnaire.types';
import { pdfText, pdftotextAvailable, reportBytes, squeeze } from '../../testing/pdf-text';
import { renderQuestionnairePdf } from './render-questionnaire-pdf';

const hasPdftotext = pdftotextAvailable();

const ja: QuestionnaireDocument = {
  questionnaireId: '0f3c2a9e-1111-4222-8333-944445555666',
  language: 'ja',
  title: 'IoT セキュリティ確認票',
  organisationName: '株式会社サンプル製作所',
  providerName: '東都ビルサービス株式会社',
  systemName: '本社ビル 空調・入退室管理',
  assessmentTitle: 'FY2026 checksheet',
  expiresAt: '2026-12-31T14:59:59.000Z',
  answerLabels: { yes: 'はい', partly: '一部', no: 'いいえ', not_applicable: '該当しない', unknown: '不明' },
  questions: [
    {
      itemId: 'jssec-v2:16',
      number: '16',
      question: '信頼出来る IoT 機器（認証や実績）、IoT システムか確認する',
      checkPoints: ['認証を取得しているか確認する', '導入実績を確認する'],
      why: '提供元の体制が弱いと、脆弱性の修正が遅れるおそれがある。',
    },
    {
      itemId: 'jssec-v2:36',
      number: '36',
      question: 'IoT 機器、IoT システムの使用期間とサポート期間を確認し策定する',
      checkPoints: [],
      why: 'サポート終了後の機器は修正が提供されない。',
    },
  ],
};

const en: QuestionnaireDocument = {
  ...ja,
  language: 'en',
  title: 'IoT security questionnaire',
  answerLabels: { yes: 'Yes', partly: 'Partly', no: 'No', not_applicable: 'Not applicable', unknown: 'Unknown' },
  questions: [
    {
      itemId: 'jssec-v2:16',
      number: '16',
      question: 'Confirm that the IoT devices (certification, track record) and IoT systems are trustworthy',
      checkPoints: ['Check certifications held', 'Check the track record of deployments'],
      why: 'A provider without a sound process may be slow to fix vulnerabilities.',
    },
  ],
};

describe.skipIf(!hasPdftotext)('questionnaire PDF', () => {
  it('lays out the cover and every question with its check points, reasons and answer options in Japanese', async () => {
    const report = renderQuestionnairePdf(ja, new Date('2026-12-02T00:00:00Z'));
    expect(report.fileName).toBe('iotcheck-questionnaire-0f3c2a9e-20261202.pdf');
    expect(report.mediaType).toBe('application/pdf');
    const text = squeeze(pdfText(await reportBytes(report)));
    const words = QUESTIONNAIRE_TEXT.ja;
    for (const expected of [
      ja.title,
      ja.organisationName,
      ja.providerName,
      ja.systemName,
      '2026-12-31',
      words.instructionsHeading,
      words.question(1, '16'),
      words.question(2, '36'),
      words.checkPoints,
      words.why,
      words.freeText,
      ...ja.questions.flatMap((question) => [question.question, question.why, ...question.checkPoints]),
      ...Object.values(ja.answerLabels),
    ])
      expect(text).toContain(squeeze(expected));
  });

  it('lays out an English questionnaire in English', async () => {
    const text = squeeze(pdfText(await reportBytes(renderQuestionnairePdf(en))));
    for (const expected of [
      en.title,
      QUESTIONNAIRE_TEXT.en.instructionsHeading,
      QUESTIONNAIRE_TEXT.en.question(1, '16'),
      en.questions[0]?.question ?? '?',
      'Notapplicable',
      'Whyitmatters',
    ])
      expect(text).toContain(squeeze(expected));
    expect(text).not.toContain('確認のポイント');
  });
});
