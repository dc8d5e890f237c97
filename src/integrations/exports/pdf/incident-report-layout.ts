import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { INCIDENT_REPORT_TEXT } from '../../../core/incidents/incident-report-text';
import type { IncidentSeverity, IncidentStatus, TimelineKind } from '../../../core/incidents/incident.types';
import { QUIET_TABLE, reportFrame } from './pdf-frame';

/** What the incident report shows: the incident's facts, times, figures, devices, timeline, lessons. */
export interface IncidentReport {
  readonly organisationName: string;
  readonly generatedAt: string;
  readonly reference: string;
  readonly title: string;
  readonly description: string;
  readonly severity: IncidentSeverity;
  readonly status: IncidentStatus;
  readonly drill: boolean;
  readonly times: Readonly<Record<'occurredAt' | 'reportedAt' | `${IncidentStatus}At`, string | null>>;
  readonly figures: Readonly<
    Record<'minutesToDetect' | 'minutesToReport' | 'minutesToContain' | 'minutesToRecover', number | null>
  >;
  readonly devices: readonly {
    assetTag: string;
    name: string;
    manufacturer: string;
    model: string;
    firmwareVersion: string;
    serialNumber: string;
  }[];
  readonly timeline: readonly {
    seq: number;
    at: string;
    actorLabel: string;
    kind: TimelineKind;
    body: string;
    correctsSeq: number | null;
  }[];
  readonly lessons: readonly {
    itemLabel: string;
    lesson: string;
    recommendation: string;
    owner: string;
    due: string | null;
  }[];
}

/** `2026-12-01T09:00:00.000Z` → `2026-12-01 09:00 UTC`. */
const moment = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

const header = (cells: string[]): TableCell[] => cells.map((cell) => ({ text: cell, style: 'tableHeader' }));

const table = (widths: (string | number)[], head: string[], rows: TableCell[][]): Content => ({
  table: { headerRows: 1, widths, body: [header(head), ...rows] },
  layout: QUIET_TABLE,
});

/** The incident report (ja or en) as a pdfmake document: A4, Noto Sans JP, the shared report frame. */
export function incidentReportLayout(report: IncidentReport, language: 'ja' | 'en'): TDocumentDefinitions {
  const text = INCIDENT_REPORT_TEXT[language];
  const title = report.drill ? text.drillTitle : text.title;
  // A full-width space between parts in Japanese; a middle dot in English.
  const gap = language === 'ja' ? '　' : ' · ';
  const colon = language === 'ja' ? '：' : ': ';
  const facts: [string, string][] = [
    [text.reference, report.reference],
    [text.subject, report.title],
    [text.severity, text.severities[report.severity]],
    [text.status, text.statuses[report.status]],
  ];
  const times: [string, string | null][] = [
    [text.occurred, report.times.occurredAt],
    [text.statuses.detected, report.times.detectedAt],
    [text.reported, report.times.reportedAt],
    [text.statuses.triaged, report.times.triagedAt],
    [text.statuses.contained, report.times.containedAt],
    [text.statuses.eradicated, report.times.eradicatedAt],
    [text.statuses.recovered, report.times.recoveredAt],
    [text.statuses.closed, report.times.closedAt],
  ];
  const figures: [string, number | null][] = [
    [text.minutesToDetect, report.figures.minutesToDetect],
    [text.minutesToReport, report.figures.minutesToReport],
    [text.minutesToContain, report.figures.minutesToContain],
    [text.minutesToRecover, report.figures.minutesToRecover],
  ];
  const pairs = (rows: [string, string][]): Content => ({
    table: { widths: [130, '*'], body: rows.map(([label, value]) => [{ text: label, style: 'label' }, value]) },
    layout: QUIET_TABLE,
  });
  const content: Content[] = [
    { text: title, style: 'title' },
    { text: `${report.organisationName}${gap}${report.reference}`, style: 'subtitle', margin: [0, 2, 0, 10] },
    { text: text.facts, style: 'h1' },
    pairs(facts),
    ...(report.description ? [{ text: text.description, style: 'h2' }, { text: report.description }] : []),
    { text: text.times, style: 'h1' },
    pairs(times.map(([label, at]) => [label, at ? moment(at) : '—'])),
    { text: text.figures, style: 'h2' },
    pairs(figures.map(([label, value]) => [label, value === null ? '—' : text.minutes(value)])),
    { text: text.devices, style: 'h1' },
    report.devices.length === 0
      ? { text: text.noDevices, style: 'note' }
      : table(
          ['auto', '*', 'auto', 'auto', 'auto', 'auto'],
          [text.assetTag, text.name, text.manufacturer, text.model, text.firmware, text.serial],
          report.devices.map((device) => [
            device.assetTag,
            device.name,
            device.manufacturer,
            device.model,
            device.firmwareVersion,
            device.serialNumber,
          ]),
        ),
    { text: text.timeline, style: 'h1' },
    table(
      ['auto', 'auto', 'auto', 'auto', '*'],
      ['#', text.at, text.actor, text.kind, text.body],
      report.timeline.map((entry) => [
        String(entry.seq),
        moment(entry.at),
        entry.actorLabel,
        text.kinds[entry.kind],
        `${entry.body}${entry.correctsSeq === null ? '' : text.corrects(entry.correctsSeq)}`,
      ]),
    ),
    { text: text.lessons, style: 'h1' },
    ...(report.lessons.length === 0
      ? [{ text: text.noLessons, style: 'note' } satisfies Content]
      : report.lessons.flatMap((lesson): Content[] => [
          { text: lesson.itemLabel, style: 'h2' },
          { text: text.lesson, style: 'label' },
          { text: lesson.lesson, margin: [0, 0, 0, 4] },
          { text: text.recommendation, style: 'label' },
          { text: lesson.recommendation, margin: [0, 0, 0, 4] },
          {
            text: `${text.owner}${colon}${lesson.owner || '—'}${gap}${text.due}${colon}${lesson.due ?? '—'}`,
            style: 'note',
          },
        ])),
  ];
  return reportFrame({
    title,
    context: `${report.reference} ${report.title}`,
    generatedLine: text.generated(moment(report.generatedAt)),
    pageLabel: text.page,
    author: report.organisationName,
    content,
  });
}
