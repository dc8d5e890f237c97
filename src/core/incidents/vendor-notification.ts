import {
  deviceLines,
  formatMoment,
  orUnknown,
  severityLabel,
  type NotificationFacts,
  type NotificationLanguage,
  type NotifiedDevice,
} from './notification-facts';

/** A message to one vendor about its affected products (item 51). */
export interface VendorNotification {
  /** The manufacturer as recorded on the devices ('' when none was recorded). */
  readonly manufacturer: string;
  readonly recipient: string | null;
  readonly subject: string;
  readonly body: string;
  readonly deviceIds: readonly number[];
}

/** The key two spellings of one manufacturer share (`ACME ` and `acme`). */
export function manufacturerKey(manufacturer: string): string {
  return manufacturer.normalize('NFKC').trim().toLowerCase();
}

function groupByManufacturer(devices: readonly NotifiedDevice[]): [string, NotifiedDevice[]][] {
  const groups = new Map<string, { name: string; devices: NotifiedDevice[] }>();
  for (const device of devices) {
    const key = manufacturerKey(device.manufacturer);
    const group = groups.get(key) ?? { name: device.manufacturer.trim(), devices: [] };
    group.devices.push(device);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => (a.name === '' ? 1 : b.name === '' ? -1 : a.name.localeCompare(b.name)))
    .map((group) => [group.name, group.devices]);
}

function japaneseText(facts: NotificationFacts, manufacturer: string, devices: readonly NotifiedDevice[]) {
  const vendor = manufacturer === '' ? 'メーカー' : manufacturer;
  return {
    subject: `【セキュリティインシデントのご連絡】${facts.reference} ${facts.title}（${vendor}製品）`,
    body: [
      `${vendor} ご担当者様`,
      '',
      '当社で運用している貴社製品に関わるセキュリティインシデントが発生しましたので、ご連絡いたします。',
      '原因の調査と対策について、ご協力をお願いいたします。',
      '',
      '■ インシデント',
      `  番号: ${facts.reference}`,
      `  件名: ${facts.title}`,
      `  重大度: ${severityLabel(facts.severity, 'ja')}`,
      `  検知日時: ${formatMoment(facts.detectedAt, 'ja')}`,
      `  発生日時: ${formatMoment(facts.occurredAt, 'ja')}`,
      `  対象システム: ${facts.systemNames.length > 0 ? facts.systemNames.join('、') : '（未登録）'}`,
      `  概要: ${orUnknown(facts.description, 'ja')}`,
      '',
      `■ 対象機器（${devices.length}台）`,
      ...deviceLines(devices, 'ja'),
      '',
      '■ お願いしたいこと',
      '  ・同じ事象や関連する既知の脆弱性についての情報',
      '  ・修正ファームウェアまたは回避策の有無と、提供の見込み時期',
      '  ・調査に必要なログや設定情報の取り出し方',
      '',
      '本件へのご回答は、このメールへの返信でお願いいたします。',
    ].join('\n'),
  };
}

function englishText(facts: NotificationFacts, manufacturer: string, devices: readonly NotifiedDevice[]) {
  const vendor = manufacturer === '' ? 'the manufacturer' : manufacturer;
  return {
    subject: `Security incident ${facts.reference}: ${facts.title} (${manufacturer === '' ? 'your products' : `${manufacturer} products`})`,
    body: [
      `Dear ${manufacturer === '' ? 'vendor' : manufacturer} security team,`,
      '',
      `We are handling a security incident that involves products made by ${vendor}, and we ask for your help`,
      'in finding its cause and a fix.',
      '',
      'Incident',
      `  Reference: ${facts.reference}`,
      `  Title: ${facts.title}`,
      `  Severity: ${severityLabel(facts.severity, 'en')}`,
      `  Detected: ${formatMoment(facts.detectedAt, 'en')}`,
      `  Occurred: ${formatMoment(facts.occurredAt, 'en')}`,
      `  Systems: ${facts.systemNames.length > 0 ? facts.systemNames.join(', ') : '(not recorded)'}`,
      `  Summary: ${orUnknown(facts.description, 'en')}`,
      '',
      `Affected devices (${devices.length})`,
      ...deviceLines(devices, 'en'),
      '',
      'What we would like to know',
      '  - whether you know of the same behaviour or of related vulnerabilities',
      '  - whether fixed firmware or a workaround exists, and when it will be available',
      '  - how to retrieve the logs and configuration needed for the investigation',
      '',
      'Please reply to this message.',
    ].join('\n'),
  };
}

/**
 * The vendor notifications of an incident, one per manufacturer of its devices (sorted by name;
 * devices with no manufacturer last), each pre-filled with the incident's facts and, per device,
 * asset tag, name, model, firmware version and serial number. `recipientOf` gives the vendor's
 * contact when the organisation's records know it.
 */
export function renderVendorNotifications(
  facts: NotificationFacts,
  language: NotificationLanguage,
  recipientOf: (manufacturer: string) => string | null = () => null,
): VendorNotification[] {
  return groupByManufacturer(facts.devices).map(([manufacturer, devices]) => ({
    manufacturer,
    recipient: manufacturer === '' ? null : recipientOf(manufacturer),
    ...(language === 'ja' ? japaneseText(facts, manufacturer, devices) : englishText(facts, manufacturer, devices)),
    deviceIds: devices.map((device) => device.id),
  }));
}
