/** Every string the CLI prints, in both languages. The key set is checked by a test. */
export const CLI_MESSAGES = {
  en: {
    description: 'iotcheck — IoT security assessments against the JSSEC IoT Security Checksheet and NIST CSF',
    versionOption: 'print the version',
    helpOption: 'show help',
    helpCommand: 'show help for a command',
    serve: 'serve the web app and API (applies migrations first)',
    db: 'database maintenance',
    dbMigrate: 'apply pending migrations',
    dbStatus: 'show applied and pending migrations',
    migrated: (count: number) => (count === 0 ? 'Database is up to date.' : `Applied ${count} migration(s).`),
    statusLine: (dialect: string, applied: number, pending: number) => `${dialect}: ${applied} applied, ${pending} pending`,
    applied: 'applied',
    pending: 'pending',
    configInvalid: 'Configuration is invalid:',
    listening: (url: string) => `iotcheck is listening on ${url}`,
    error: 'Error',
  },
  ja: {
    description: 'iotcheck — JSSEC IoT セキュリティチェックシートと NIST CSF による IoT セキュリティ評価',
    versionOption: 'バージョンを表示する',
    helpOption: 'ヘルプを表示する',
    helpCommand: 'コマンドのヘルプを表示する',
    serve: 'Web 画面と API を起動する（先にマイグレーションを適用）',
    db: 'データベースの保守',
    dbMigrate: '未適用のマイグレーションを適用する',
    dbStatus: '適用済みと未適用のマイグレーションを表示する',
    migrated: (count: number) => (count === 0 ? 'データベースは最新です。' : `${count} 件のマイグレーションを適用しました。`),
    statusLine: (dialect: string, applied: number, pending: number) => `${dialect}: 適用済み ${applied} 件、未適用 ${pending} 件`,
    applied: '適用済み',
    pending: '未適用',
    configInvalid: '設定に誤りがあります:',
    listening: (url: string) => `iotcheck を ${url} で起動しました`,
    error: 'エラー',
  },
} as const;

export type CliLanguage = keyof typeof CLI_MESSAGES;
export type CliMessages = (typeof CLI_MESSAGES)[CliLanguage];
