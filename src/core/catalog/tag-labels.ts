import type { LocalizedText, PHASES, ROLES, SCOPES, VERIFIABLE_FACTS } from './catalog.types';

type TagValue =
  (typeof SCOPES)[number] | (typeof PHASES)[number] | (typeof ROLES)[number] | (typeof VERIFIABLE_FACTS)[number];

/**
 * What each item tag is called, in both languages: the search finds items by these words (a
 * search for 初期パスワード finds the items tagged `default_credentials`), the CLI prints them, and
 * the web shows the same words (a test keeps src/web/i18n in step with this table).
 */
export const TAG_LABELS: Readonly<Record<TagValue, LocalizedText>> = {
  device: { ja: '機器', en: 'Device' },
  system: { ja: 'システム', en: 'System' },
  organisation: { ja: '組織', en: 'Organisation' },
  provider: { ja: '提供者', en: 'Provider' },
  plan: { ja: '計画', en: 'Plan' },
  procure: { ja: '調達', en: 'Procure' },
  build: { ja: '構築', en: 'Build' },
  operate: { ja: '運用', en: 'Operate' },
  dispose: { ja: '廃棄', en: 'Dispose' },
  incident: { ja: 'インシデント', en: 'Incident' },
  it: { ja: 'IT', en: 'IT' },
  ot: { ja: 'OT', en: 'OT' },
  management: { ja: '経営層', en: 'Management' },
  csirt: { ja: 'CSIRT', en: 'CSIRT' },
  open_ports: { ja: '開放ポート', en: 'Open ports' },
  telnet: { ja: 'Telnet', en: 'Telnet' },
  default_credentials: { ja: '初期パスワード', en: 'Default credentials' },
  tls: { ja: 'TLS', en: 'TLS' },
  firmware_version: { ja: 'ファームウェア版数', en: 'Firmware version' },
  eol: { ja: 'サポート終了', en: 'End of life' },
  vulnerabilities: { ja: '脆弱性', en: 'Vulnerabilities' },
  logs: { ja: 'ログ', en: 'Logs' },
  encryption: { ja: '暗号化', en: 'Encryption' },
  network_segmentation: { ja: 'ネットワーク分離', en: 'Network segmentation' },
  physical_access: { ja: '物理アクセス', en: 'Physical access' },
  configuration: { ja: '設定', en: 'Configuration' },
  time_sync: { ja: '時刻同期', en: 'Time sync' },
  backup: { ja: 'バックアップ', en: 'Backup' },
};
