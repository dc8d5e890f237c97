import type { Content, CustomTableLayout, StyleDictionary, TDocumentDefinitions } from 'pdfmake/interfaces';
import { PDF_FONT_FAMILY } from './pdf-fonts';

/** The calm palette every report shares. */
export const PDF_COLORS = {
  ink: '#1f2937',
  muted: '#6b7280',
  heading: '#1f3a5f',
  rule: '#d5dae1',
  headerFill: '#eef2f6',
  panelFill: '#f6f8fa',
} as const;

/** Text styles shared by the report PDFs. */
export const PDF_STYLES: StyleDictionary = {
  title: { fontSize: 20, bold: true, color: PDF_COLORS.heading, lineHeight: 1.25 },
  subtitle: { fontSize: 11, color: PDF_COLORS.muted },
  h1: { fontSize: 14, bold: true, color: PDF_COLORS.heading, margin: [0, 14, 0, 6] },
  h2: { fontSize: 11, bold: true, color: PDF_COLORS.heading, margin: [0, 10, 0, 4] },
  note: { fontSize: 8, color: PDF_COLORS.muted },
  tableHeader: { bold: true, fontSize: 8, color: PDF_COLORS.heading, fillColor: PDF_COLORS.headerFill },
  small: { fontSize: 8 },
  label: { fontSize: 8, color: PDF_COLORS.muted },
};

/** Thin horizontal rules only, with a little air in every cell. */
export const QUIET_TABLE: CustomTableLayout = {
  hLineWidth: (row, node) => (row === 0 || row === node.table.body.length ? 0.8 : 0.4),
  vLineWidth: () => 0,
  hLineColor: () => PDF_COLORS.rule,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

/** A4 portrait margins, leaving room for the running header and footer. */
export const PAGE_MARGINS: [number, number, number, number] = [48, 56, 48, 48];

/**
 * The frame of a report: A4 portrait, the embedded font, a running header (the report's title
 * and a context line) from page 2 on and a footer with the generation date and "page x / y".
 */
export function reportFrame(input: {
  title: string;
  context: string;
  generatedLine: string;
  pageLabel: (page: number, pages: number) => string;
  author: string;
  content: Content[];
}): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: PAGE_MARGINS,
    info: { title: input.title, author: input.author, creator: 'iotcheck', producer: 'iotcheck' },
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: 9, color: PDF_COLORS.ink, lineHeight: 1.3 },
    styles: PDF_STYLES,
    header: (page) =>
      page === 1
        ? null
        : {
            margin: [PAGE_MARGINS[0], 24, PAGE_MARGINS[2], 0],
            columns: [
              { text: input.title, style: 'label' },
              { text: input.context, style: 'label', alignment: 'right' },
            ],
          },
    footer: (page, pages) => ({
      margin: [PAGE_MARGINS[0], 14, PAGE_MARGINS[2], 0],
      columns: [
        { text: input.generatedLine, style: 'label' },
        { text: input.pageLabel(page, pages), style: 'label', alignment: 'right' },
      ],
    }),
    content: input.content,
  };
}
