import type { IncidentSeverity, IncidentStatus, TimelineKind } from './incident.types';

/** Every word of the incident report PDF in one language (our own wording). */
export interface IncidentReportText {
  readonly title: string;
  readonly drillTitle: string;
  readonly facts: string;
  readonly reference: string;
  readonly subject: string;
  readonly severity: string;
  readonly status: string;
  readonly description: string;
  readonly times: string;
  readonly figures: string;
  readonly minutesToDetect: string;
  readonly minutesToReport: string;
  readonly minutesToContain: string;
  readonly minutesToRecover: string;
  readonly minutes: (value: number) => string;
  readonly devices: string;
  readonly assetTag: string;
  readonly name: string;
  readonly manufacturer: string;
  readonly model: string;
  readonly firmware: string;
  readonly serial: string;
  readonly noDevices: string;
  readonly timeline: string;
  readonly at: string;
  readonly actor: string;
  readonly kind: string;
  readonly body: string;
  readonly corrects: (seq: number) => string;
  readonly lessons: string;
  readonly item: string;
  readonly lesson: string;
  readonly recommendation: string;
  readonly owner: string;
  readonly due: string;
  readonly noLessons: string;
  readonly occurred: string;
  readonly reported: string;
  readonly generated: (at: string) => string;
  readonly page: (page: number, pages: number) => string;
  readonly severities: Readonly<Record<IncidentSeverity, string>>;
  readonly statuses: Readonly<Record<IncidentStatus, string>>;
  readonly kinds: Readonly<Record<TimelineKind, string>>;
}

const JA: IncidentReportText = {
  title: 'インシデント報告書',
  drillTitle: '訓練報告書',
  facts: '概要',
  reference: '管理番号',
  subject: '件名',
  severity: '重大度',
  status: '状態',
  description: '内容',
  times: '対応の経過',
  figures: '対応にかかった時間',
  minutesToDetect: '発生から検知まで',
  minutesToReport: '検知から第一報まで',
  minutesToContain: '検知から封じ込めまで',
  minutesToRecover: '検知から復旧まで',
  minutes: (value) => `${value}分`,
  devices: '影響を受けた機器',
  assetTag: '資産番号',
  name: '名称',
  manufacturer: 'メーカー',
  model: '型番',
  firmware: 'ファームウェア',
  serial: 'シリアル番号',
  noDevices: '登録された機器はありません。',
  timeline: 'タイムライン',
  at: '日時',
  actor: '記録者',
  kind: '種別',
  body: '内容',
  corrects: (seq) => `（#${seq}の訂正）`,
  lessons: '教訓',
  item: '項目',
  lesson: '教訓',
  recommendation: '推奨する対策',
  owner: '担当',
  due: '期限',
  noLessons: '教訓はまだ記録されていません。',
  occurred: '発生',
  reported: '第一報',
  generated: (at) => `作成日時 ${at}`,
  page: (page, pages) => `${page} / ${pages}ページ`,
  severities: { low: '低', medium: '中', high: '高', critical: '緊急' },
  statuses: {
    detected: '検知',
    triaged: '初動判断',
    contained: '封じ込め',
    eradicated: '根絶',
    recovered: '復旧',
    closed: '終結',
  },
  kinds: {
    note: 'メモ',
    status: '状態変更',
    decision: '決定',
    evidence: '証跡',
    notification: '通知',
    correction: '訂正',
    link: '関連付け',
    step: '手順',
  },
};

const EN: IncidentReportText = {
  title: 'Incident report',
  drillTitle: 'Drill report',
  facts: 'Summary',
  reference: 'Reference',
  subject: 'Title',
  severity: 'Severity',
  status: 'Status',
  description: 'Description',
  times: 'Response times',
  figures: 'Time taken',
  minutesToDetect: 'Occurrence to detection',
  minutesToReport: 'Detection to first report',
  minutesToContain: 'Detection to containment',
  minutesToRecover: 'Detection to recovery',
  minutes: (value) => `${value} min`,
  devices: 'Affected devices',
  assetTag: 'Asset tag',
  name: 'Name',
  manufacturer: 'Manufacturer',
  model: 'Model',
  firmware: 'Firmware',
  serial: 'Serial number',
  noDevices: 'No devices were recorded.',
  timeline: 'Timeline',
  at: 'When',
  actor: 'By',
  kind: 'Kind',
  body: 'Entry',
  corrects: (seq) => ` (corrects #${seq})`,
  lessons: 'Lessons learned',
  item: 'Item',
  lesson: 'Lesson',
  recommendation: 'Recommendation',
  owner: 'Owner',
  due: 'Due',
  noLessons: 'No lessons have been recorded yet.',
  occurred: 'Occurred',
  reported: 'First report',
  generated: (at) => `Generated ${at}`,
  page: (page, pages) => `Page ${page} of ${pages}`,
  severities: { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' },
  statuses: {
    detected: 'Detected',
    triaged: 'Triaged',
    contained: 'Contained',
    eradicated: 'Eradicated',
    recovered: 'Recovered',
    closed: 'Closed',
  },
  kinds: {
    note: 'Note',
    status: 'Status',
    decision: 'Decision',
    evidence: 'Evidence',
    notification: 'Notification',
    correction: 'Correction',
    link: 'Link',
    step: 'Step',
  },
};

/** The incident report's words in `language`. */
export const INCIDENT_REPORT_TEXT: Readonly<Record<'ja' | 'en', IncidentReportText>> = { ja: JA, en: EN };
