/** Japanese UI strings (the primary language). en.ts must have the same keys. */
export const ja = {
  app: { name: 'iotcheck', tagline: 'IoT を安全に導入する', skipToContent: '本文へ移動' },
  nav: {
    label: 'メインナビゲーション',
    home: 'ホーム',
    checksheet: 'チェックシート',
    assessments: '評価',
    inventory: '資産台帳',
    guidelines: 'ガイドライン',
    reports: 'レポート',
  },
  language: { label: '表示言語', ja: '日本語', en: 'English' },
  home: {
    title: 'iotcheck',
    lead: 'JSSEC IoT セキュリティチェックシート（第二版）と NIST CSF に沿って、IT・OT 担当者、ベンダー、経営層とともに IoT システムを評価します。',
  },
  placeholder: { comingSoon: 'この画面は準備中です。' },
  notFound: { title: 'ページが見つかりません', back: 'ホームへ戻る' },
  common: { loading: '読み込み中…', error: 'エラーが発生しました: {{message}}', retry: '再試行' },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof ja>;
