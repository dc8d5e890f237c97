import type { LocalizedText, VERIFIABLE_FACTS } from './catalog.types';

/**
 * What each technically verifiable fact is called, so a search for 初期パスワード or
 * "default credentials" finds the items tagged `default_credentials`. The web shows the same
 * words (a test keeps src/web/i18n in step with this table).
 */
export const VERIFIABLE_LABELS: Readonly<Record<(typeof VERIFIABLE_FACTS)[number], LocalizedText>> = {
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
