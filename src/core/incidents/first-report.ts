import type { BilingualText } from './playbook.types';
import {
  deviceLines,
  formatMoment,
  orUnknown,
  severityLabel,
  statusLabel,
  type NotificationFacts,
  type NotificationLanguage,
} from './notification-facts';

/** The placeholders a first-report template may use. */
export const FIRST_REPORT_PLACEHOLDERS = [
  'reference',
  'title',
  'severity',
  'status',
  'detectedAt',
  'occurredAt',
  'systems',
  'devices',
  'description',
] as const;

const DEFAULT_TEMPLATE: BilingualText = {
  ja: [
    'インシデントの第一報です。詳細は確認中のため、判明しだい続報します。',
    '',
    '番号: {{reference}}',
    '件名: {{title}}',
    '重大度: {{severity}}',
    '状況: {{status}}',
    '検知日時: {{detectedAt}}',
    '発生日時: {{occurredAt}}',
    '対象システム: {{systems}}',
    '対象機器:',
    '{{devices}}',
    '概要: {{description}}',
  ].join('\n'),
  en: [
    'This is the first report of an incident. Details are still being confirmed; we will follow up as we learn more.',
    '',
    'Reference: {{reference}}',
    'Title: {{title}}',
    'Severity: {{severity}}',
    'Status: {{status}}',
    'Detected: {{detectedAt}}',
    'Occurred: {{occurredAt}}',
    'Systems: {{systems}}',
    'Devices:',
    '{{devices}}',
    'Summary: {{description}}',
  ].join('\n'),
};

/**
 * The first report of an incident (item 49): the playbook's template in `language` (our default
 * wording when it has none) with every {{placeholder}} filled from the facts; unknown placeholders stay.
 */
export function renderFirstReport(
  facts: NotificationFacts,
  language: NotificationLanguage,
  template?: BilingualText,
): { subject: string; body: string } {
  const text = template?.[language].trim() ? template[language] : DEFAULT_TEMPLATE[language];
  const values: Record<(typeof FIRST_REPORT_PLACEHOLDERS)[number], string> = {
    reference: facts.reference,
    title: facts.title,
    severity: severityLabel(facts.severity, language),
    status: statusLabel(facts.status, language),
    detectedAt: formatMoment(facts.detectedAt, language),
    occurredAt: formatMoment(facts.occurredAt, language),
    systems: facts.systemNames.join(language === 'ja' ? '、' : ', ') || orUnknown('', language),
    devices: facts.devices.length > 0 ? deviceLines(facts.devices, language).join('\n') : orUnknown('', language),
    description: orUnknown(facts.description, language),
  };
  const body = text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? values[name as keyof typeof values] : whole,
  );
  const subject =
    language === 'ja'
      ? `【第一報】${facts.reference} ${facts.title}`
      : `First report: ${facts.reference} ${facts.title}`;
  return { subject, body };
}
