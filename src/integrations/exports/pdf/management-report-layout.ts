import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { AnswerResult } from '../../../core/assessment/assessment.types';
import type { Language } from '../../../core/catalog/catalog.types';
import { barChartSvg } from '../../../core/reports/bar-chart-svg';
import { executiveSummary } from '../../../core/reports/executive-summary';
import { MANAGEMENT_REPORT_TEXT, type ManagementReportText } from '../../../core/reports/management-report-text';
import type { ManagementReport, ReportGap, ReportItem } from '../../../core/reports/management-report.types';
import { radarChartSvg } from '../../../core/reports/radar-chart-svg';
import { percent } from '../../../core/reports/svg-text';
import { PDF_COLORS, QUIET_TABLE, reportFrame } from './pdf-frame';
import { PDF_FONT_FAMILY } from './pdf-fonts';

/** How the management report is laid out. `charts: false` leaves the charts out (the bench's baseline). */
export interface ManagementLayoutOptions {
  readonly language: Language;
  readonly detailed: boolean;
  readonly charts?: boolean;
}

const RESULT_COLORS: Readonly<Record<AnswerResult, string>> = {
  implemented: '#2e6b3a',
  partial: '#9a5b00',
  not_implemented: '#a8322d',
  not_applicable: '#6b7280',
  unanswered: '#6b7280',
};

/** Width of the text area on A4 with the report margins. */
const CONTENT_WIDTH = 595.28 - 48 - 48;
const RADAR_WIDTH = 270;

const day = (iso: string) => iso.slice(0, 10);

/** `text` in parentheses after what precedes it: full-width in Japanese, spaced in English. */
const inParentheses = (language: Language, text: string) => (language === 'ja' ? `（${text}）` : ` (${text})`);

/** A span of days: 〜 in Japanese, an en dash in English. */
const span = (language: Language, from: string, to: string) => `${from}${language === 'ja' ? ' 〜 ' : ' – '}${to}`;

function resultCell(result: AnswerResult, text: ManagementReportText): Content {
  return { text: text.results[result], color: RESULT_COLORS[result], bold: result === 'not_implemented' };
}

const header = (cells: string[]): TableCell[] => cells.map((cell) => ({ text: cell, style: 'tableHeader' }));

function cover(report: ManagementReport, language: Language, text: ManagementReportText, detailed: boolean): Content[] {
  const period =
    report.assessment.periodStart || report.assessment.periodEnd
      ? span(language, report.assessment.periodStart ?? '—', report.assessment.periodEnd ?? '—')
      : '—';
  const facts: [string, string][] = [
    [text.organisation, report.organisationName],
    [text.system, report.system.name],
    [text.criticality, text.criticalities[report.system.criticality]],
    ...(report.system.ownerName ? ([[text.systemOwner, report.system.ownerName]] as [string, string][]) : []),
    [text.assessment, report.assessment.title],
    [
      text.framework,
      `${report.assessment.frameworkTitle[language]}${inParentheses(language, report.assessment.frameworkVersion)}`,
    ],
    [text.period, period],
    [text.status, text.statuses[report.assessment.status]],
    [text.generated, day(report.generatedAt)],
  ];
  return [
    { text: '', margin: [0, 150, 0, 0] },
    { canvas: [{ type: 'rect', x: 0, y: 0, w: 56, h: 4, color: PDF_COLORS.heading }], margin: [0, 0, 0, 14] },
    { text: detailed ? text.detailedTitle : text.title, style: 'title' },
    { text: report.assessment.frameworkTitle[language], style: 'subtitle', margin: [0, 6, 0, 36] },
    {
      table: {
        widths: [110, '*'],
        body: facts.map(([label, value]) => [
          { text: label, style: 'label', margin: [0, 2, 0, 2] },
          { text: value, fontSize: 11, margin: [0, 0, 0, 2] },
        ]),
      },
      layout: QUIET_TABLE,
    },
  ];
}

function keyFigures(report: ManagementReport, text: ManagementReportText): Content {
  const box = (label: string, value: string, sub: string): TableCell => ({
    stack: [
      { text: label, style: 'label' },
      { text: value, fontSize: 18, bold: true, color: PDF_COLORS.heading, margin: [0, 2, 0, 0] },
      { text: sub, style: 'label' },
    ],
    fillColor: PDF_COLORS.panelFill,
    margin: [6, 6, 6, 6],
  });
  const high = report.findings.openHigh;
  return {
    table: {
      widths: ['*', '*', '*', '*'],
      body: [
        [
          box(text.overallScore, percent(report.overall.score), text.level(report.overall.level)),
          box(
            text.completion,
            percent(report.overall.completion),
            `${report.overall.answered} / ${report.overall.items}`,
          ),
          box(text.openFindings, String(report.findings.open), `${text.highPriority}: ${high}`),
          box(text.overdueItems, String(report.overdueItems), `${text.overdueFindings}: ${report.findings.overdue}`),
        ],
      ],
    },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingLeft: (column) => (column === 0 ? 0 : 4),
      paddingRight: (column) => (column === 3 ? 0 : 4),
    },
    margin: [0, 4, 0, 8],
  };
}

function functionTable(report: ManagementReport, language: Language, text: ManagementReportText): Content {
  const withPrevious = report.previous !== null;
  return {
    table: {
      headerRows: 1,
      widths: ['*', 'auto', 'auto', ...(withPrevious ? ['auto', 'auto'] : [])],
      body: [
        header([
          text.functionColumn,
          text.score,
          text.levelColumn,
          ...(withPrevious ? [text.previousColumn, text.changeColumn] : []),
        ]),
        ...report.functions.map((fn) => [
          `${fn.code} ${fn.title[language]}`,
          { text: percent(fn.score.score), alignment: 'right' as const },
          { text: String(fn.score.level), alignment: 'center' as const },
          ...(withPrevious
            ? [
                { text: percent(fn.previousScore ?? null), alignment: 'right' as const },
                { text: fn.change ? text.changes[fn.change] : '—', noWrap: true },
              ]
            : []),
        ]),
        [
          { text: text.overallScore, bold: true },
          { text: percent(report.overall.score), alignment: 'right' as const, bold: true },
          { text: String(report.overall.level), alignment: 'center' as const, bold: true },
          ...(withPrevious
            ? [{ text: percent(report.previous?.overallScore ?? null), alignment: 'right' as const }, '']
            : []),
        ],
      ],
    },
    layout: QUIET_TABLE,
    fontSize: 8.5,
  };
}

function summaryPage(
  report: ManagementReport,
  options: ManagementLayoutOptions,
  text: ManagementReportText,
): Content[] {
  const { language } = options;
  const radar = radarChartSvg(
    report.functions.map((fn) => ({
      label: `${fn.code} ${fn.title[language]}  ${percent(fn.score.score)}`,
      value: fn.score.score,
      ...(report.previous ? { previous: fn.previousScore ?? null } : {}),
    })),
    { width: RADAR_WIDTH, height: 210, fontFamily: PDF_FONT_FAMILY, fontSize: 7.5 },
  );
  return [
    { text: text.summary, style: 'h1', pageBreak: 'before' },
    { ul: executiveSummary(report, language), margin: [0, 0, 0, 6], fontSize: 9.5 },
    { text: text.keyFigures, style: 'h2' },
    keyFigures(report, text),
    { text: text.scoresByFunction, style: 'h2' },
    {
      columns: [
        ...(options.charts === false ? [] : [{ svg: radar, width: RADAR_WIDTH } as Content]),
        { width: '*', stack: [functionTable(report, language, text)], margin: [0, 20, 0, 0] },
      ],
      columnGap: 8,
    },
    ...(options.charts === false || !report.previous ? [] : [{ text: text.radarNote, style: 'note' } as Content]),
  ];
}

function categoryPage(
  report: ManagementReport,
  options: ManagementLayoutOptions,
  text: ManagementReportText,
): Content[] {
  const { language } = options;
  const bars = barChartSvg(
    report.categories.map((category) => ({
      label: `${category.code} ${category.title[language]}`,
      value: category.score.score,
      group: category.functionCode,
    })),
    { width: CONTENT_WIDTH, labelWidth: 210, fontFamily: PDF_FONT_FAMILY, fontSize: 7.5, rowHeight: 14 },
  );
  const table: Content = {
    table: {
      headerRows: 1,
      widths: ['auto', '*', 'auto', 'auto'],
      body: [
        header([text.number, text.scoresByCategory, text.score, text.answered]),
        ...report.categories.map((category) => [
          category.code,
          category.title[language],
          { text: percent(category.score.score), alignment: 'right' as const },
          `${category.score.answered} / ${category.score.items}`,
        ]),
      ],
    },
    layout: QUIET_TABLE,
    fontSize: 8,
  };
  return [
    { text: text.scoresByCategory, style: 'h1', pageBreak: 'before' },
    options.charts === false ? table : { svg: bars, width: CONTENT_WIDTH },
    ...previousSection(report, language, text),
  ];
}

function previousSection(report: ManagementReport, language: Language, text: ManagementReportText): Content[] {
  const previous = report.previous;
  if (!previous) return [{ text: text.changeSincePrevious, style: 'h2' }, { text: text.noPrevious }];
  const line =
    language === 'ja'
      ? `前回: 「${previous.title}」（${day(previous.createdAt)} 作成）。総合スコア ${percent(previous.overallScore)} → ${percent(report.overall.score)}、改善 ${previous.improvedItems} 項目、悪化 ${previous.worseItems} 項目。`
      : `Previous: “${previous.title}” (created ${day(previous.createdAt)}). Overall score ${percent(previous.overallScore)} → ${percent(report.overall.score)}; ${previous.improvedItems} items improved, ${previous.worseItems} worse.`;
  return [{ text: text.changeSincePrevious, style: 'h2' }, { text: line }];
}

function gapRows(gap: ReportGap, language: Language, text: ManagementReportText): TableCell[] {
  const findings: Content[] =
    gap.findings.length === 0
      ? [{ text: text.noFindings, style: 'note' }]
      : gap.findings.map((finding) => ({
          stack: [
            { text: [{ text: `[${text.priorities[finding.priority]}] `, bold: true }, finding.issue] },
            ...(finding.recommendation
              ? [{ text: `${text.recommendation}: ${finding.recommendation}`, color: PDF_COLORS.muted }]
              : []),
            { text: `${text.owner}: ${finding.ownerName || '—'}`, color: PDF_COLORS.muted },
            {
              text: [
                `${text.due}: ${finding.dueDate ?? '—'}`,
                finding.overdue ? { text: `  ${text.overdue}`, color: RESULT_COLORS.not_implemented } : '',
              ],
              color: PDF_COLORS.muted,
            },
          ],
          margin: [0, 0, 0, 3],
        }));
  return [
    { text: gap.code, alignment: 'right' },
    { text: gap.title[language] },
    resultCell(gap.result, text),
    { stack: findings },
    {
      stack: [
        gap.dueDate ?? '—',
        ...(gap.overdue ? [{ text: text.overdue, color: RESULT_COLORS.not_implemented }] : []),
      ],
    },
  ];
}

function gapsSection(report: ManagementReport, language: Language, text: ManagementReportText): Content[] {
  if (report.topGaps.length === 0) return [{ text: text.topGaps, style: 'h1' }, { text: text.noGaps }];
  return [
    { text: text.topGaps, style: 'h1', pageBreak: 'before' },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [18, '*', 66, 180, 50],
        body: [
          header([text.number, text.item, text.result, `${text.finding} / ${text.owner}`, text.due]),
          ...report.topGaps.map((gap) => gapRows(gap, language, text)),
        ],
      },
      layout: QUIET_TABLE,
      fontSize: 8,
    },
  ];
}

function providerSection(report: ManagementReport, language: Language, text: ManagementReportText): Content[] {
  const items = report.items.filter((item) => item.providerQuestion);
  if (items.length === 0) return [];
  // One block, so the heading never stays behind at the foot of a page (the list fits on one).
  return [
    {
      unbreakable: true,
      stack: [
        { text: text.providerItems, style: 'h1' },
        { text: text.providerNote, style: 'note', margin: [0, 0, 0, 4] },
        {
          table: {
            headerRows: 1,
            dontBreakRows: true,
            widths: [18, '*', 70],
            body: [
              header([text.number, text.item, text.result]),
              ...items.map((item) => [
                { text: item.code, alignment: 'right' as const },
                item.title[language],
                resultCell(item.result, text),
              ]),
            ],
          },
          layout: QUIET_TABLE,
          fontSize: 8,
        },
      ],
    },
  ];
}

function evidenceSection(report: ManagementReport, language: Language, text: ManagementReportText): Content[] {
  const coverage = report.evidence;
  const rows: [string, string][] = [
    [text.evidenceClaimed, String(coverage.itemsClaimed)],
    [
      text.evidenceBacked,
      `${coverage.itemsWithEvidence}${inParentheses(language, percent(coverage.itemsClaimed === 0 ? null : coverage.itemsWithEvidence / coverage.itemsClaimed))}`,
    ],
    [text.evidenceRecords, String(coverage.records)],
    [text.evidenceExpired, String(coverage.expired)],
  ];
  // One block of plain rows, so the heading never stays behind at the foot of a page.
  return [
    {
      unbreakable: true,
      stack: [
        { text: text.evidenceCoverage, style: 'h1' },
        ...rows.map(([label, value]): Content => ({
          columns: [
            { text: label, width: 220 },
            { text: value, width: 60, alignment: 'right' },
          ],
          margin: [4, 2, 0, 2],
        })),
      ],
    },
  ];
}

function appendix(report: ManagementReport, language: Language, text: ManagementReportText): Content[] {
  // The title comes last: a wrapped title then continues on lines of its own, so the text reads
  // (and is found by text search and extraction) as one run.
  const body: TableCell[][] = [header([text.number, text.result, text.evidenceShort, text.findingsShort, text.item])];
  const categoryTitles = new Map(report.categories.map((category) => [category.code, category.title[language]]));
  let category = '';
  for (const item of report.items) {
    if (item.categoryCode !== category) {
      category = item.categoryCode;
      body.push([
        {
          text: `${item.categoryCode} ${categoryTitles.get(item.categoryCode) ?? ''}`,
          colSpan: 5,
          bold: true,
          color: PDF_COLORS.heading,
          fillColor: PDF_COLORS.panelFill,
        },
        '',
        '',
        '',
        '',
      ]);
    }
    body.push([
      { text: item.code, alignment: 'right' },
      resultCell(item.result, text),
      { text: String(item.evidence.length), alignment: 'center' },
      { text: String(item.openFindings), alignment: 'center' },
      item.title[language],
    ]);
  }
  return [
    { text: text.appendix, style: 'h1', pageBreak: 'before' },
    { text: text.appendixNote, style: 'note', margin: [0, 0, 0, 4] },
    {
      table: { headerRows: 1, dontBreakRows: true, widths: [18, 74, 28, 28, '*'], body },
      layout: QUIET_TABLE,
      fontSize: 8,
    },
  ];
}

function itemDetail(item: ReportItem, language: Language, text: ManagementReportText): Content {
  const field = (label: string, value: Content): Content => ({
    columns: [
      { text: label, style: 'label', width: 80 },
      { width: '*', stack: [value] },
    ],
    columnGap: 6,
    margin: [0, 2, 0, 0],
  });
  return {
    stack: [
      {
        columns: [
          { text: `${item.code}. ${item.title[language]}`, bold: true, width: '*' },
          { text: text.results[item.result], color: RESULT_COLORS[item.result], width: 80, alignment: 'right' },
        ],
        columnGap: 8,
      },
      field(text.comment, { text: item.comment || '—' }),
      ...(item.justification ? [field(text.justification, { text: item.justification })] : []),
      field(
        text.checkPoints,
        item.checks.length === 0
          ? { text: '—' }
          : {
              stack: item.checks.map((check) => ({
                text: [
                  {
                    text: check.done ? `■ ${text.done}\u3000` : `□ ${text.notDone}\u3000`,
                    color: check.done ? RESULT_COLORS.implemented : PDF_COLORS.muted,
                  },
                  check.title[language],
                ],
              })),
            },
      ),
      field(
        text.evidenceList,
        item.evidence.length === 0
          ? { text: text.none }
          : {
              stack: item.evidence.map((evidence) => ({
                text: `${evidence.title}${inParentheses(
                  language,
                  evidence.validUntil
                    ? span(language, evidence.evidenceDate ?? '—', evidence.validUntil)
                    : (evidence.evidenceDate ?? '—'),
                )}`,
              })),
            },
      ),
    ],
    fontSize: 8.5,
    margin: [0, 6, 0, 6],
    unbreakable: true,
  };
}

function details(report: ManagementReport, language: Language, text: ManagementReportText): Content[] {
  const rule: Content = {
    canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.4, lineColor: PDF_COLORS.rule }],
  };
  return [
    { text: text.detailsHeading, style: 'h1', pageBreak: 'before' },
    { text: text.detailNote, style: 'note', margin: [0, 0, 0, 4] },
    ...report.items.flatMap((item) => [rule, itemDetail(item, language, text)]),
  ];
}

/**
 * The management report as a pdfmake document: cover, executive summary with key figures and the
 * function radar, category bars and the change since the previous assessment, top gaps with
 * their findings, provider items, evidence coverage, and the appendix of every item; the detailed
 * variant adds each item's comment, justification, check points and evidence. Pure: the same
 * report and options give the same definition.
 */
export function managementReportLayout(
  report: ManagementReport,
  options: ManagementLayoutOptions,
): TDocumentDefinitions {
  const text = MANAGEMENT_REPORT_TEXT[options.language];
  const title = options.detailed ? text.detailedTitle : text.title;
  return reportFrame({
    title,
    context: `${report.organisationName} — ${report.system.name}`,
    generatedLine: `${text.generated}: ${day(report.generatedAt)}`,
    pageLabel: text.page,
    author: report.organisationName,
    content: [
      ...cover(report, options.language, text, options.detailed),
      ...summaryPage(report, options, text),
      ...categoryPage(report, options, text),
      ...gapsSection(report, options.language, text),
      ...providerSection(report, options.language, text),
      ...evidenceSection(report, options.language, text),
      ...appendix(report, options.language, text),
      ...(options.detailed ? details(report, options.language, text) : []),
    ],
  });
}
