import type { IncidentSeverity, IncidentStatus } from './incident.types';

/** The language a notification is written in. */
export type NotificationLanguage = 'ja' | 'en';

/** An affected device as a notification names it. */
export interface NotifiedDevice {
  readonly id: number;
  readonly assetTag: string;
  readonly name: string;
  readonly manufacturer: string;
  readonly model: string;
  readonly firmwareVersion: string;
  readonly serialNumber: string;
}

/** What the notifications of an incident are filled from. */
export interface NotificationFacts {
  readonly reference: string;
  readonly title: string;
  readonly description: string;
  readonly severity: IncidentSeverity;
  readonly status: IncidentStatus;
  readonly detectedAt: string;
  readonly occurredAt: string | null;
  readonly systemNames: readonly string[];
  readonly devices: readonly NotifiedDevice[];
}

const SEVERITY_LABELS: Readonly<Record<NotificationLanguage, Readonly<Record<IncidentSeverity, string>>>> = {
  ja: { low: '低', medium: '中', high: '高', critical: '重大' },
  en: { low: 'low', medium: 'medium', high: 'high', critical: 'critical' },
};

const STATUS_LABELS: Readonly<Record<NotificationLanguage, Readonly<Record<IncidentStatus, string>>>> = {
  ja: {
    detected: '検知',
    triaged: '初動判断済み',
    contained: '封じ込め済み',
    eradicated: '根絶済み',
    recovered: '復旧済み',
    closed: '完了',
  },
  en: {
    detected: 'detected',
    triaged: 'triaged',
    contained: 'contained',
    eradicated: 'eradicated',
    recovered: 'recovered',
    closed: 'closed',
  },
};

export function severityLabel(severity: IncidentSeverity, language: NotificationLanguage): string {
  return SEVERITY_LABELS[language][severity];
}

export function statusLabel(status: IncidentStatus, language: NotificationLanguage): string {
  return STATUS_LABELS[language][status];
}

/** A moment as people read it in a message: `2026-12-02 09:30 UTC` (the same in both languages). */
export function formatMoment(moment: string | null, language: NotificationLanguage): string {
  if (moment === null) return language === 'ja' ? '不明' : 'unknown';
  const date = new Date(moment);
  if (Number.isNaN(date.getTime())) return moment;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A fact that may be blank: blank reads as "not recorded". */
export function orUnknown(value: string, language: NotificationLanguage): string {
  const trimmed = value.trim();
  if (trimmed !== '') return trimmed;
  return language === 'ja' ? '（未登録）' : '(not recorded)';
}

/** One line per device: asset tag, name, model, firmware, serial number. */
export function deviceLines(devices: readonly NotifiedDevice[], language: NotificationLanguage): string[] {
  const u = (value: string) => orUnknown(value, language);
  return devices.flatMap((device, index) =>
    language === 'ja'
      ? [
          `  ${index + 1}. 資産番号: ${u(device.assetTag)}　名称: ${u(device.name)}`,
          `     メーカー: ${u(device.manufacturer)}　機種: ${u(device.model)}`,
          `     ファームウェア: ${u(device.firmwareVersion)}　シリアル番号: ${u(device.serialNumber)}`,
        ]
      : [
          `  ${index + 1}. Asset tag: ${u(device.assetTag)}, name: ${u(device.name)}`,
          `     Manufacturer: ${u(device.manufacturer)}, model: ${u(device.model)}`,
          `     Firmware: ${u(device.firmwareVersion)}, serial number: ${u(device.serialNumber)}`,
        ],
  );
}
