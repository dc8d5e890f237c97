import { createRequire } from 'node:module';
import type PdfPrinter from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { loadPdfFonts, type PdfFonts } from './pdf-fonts';

interface Fontkit {
  create(buffer: Buffer, postscriptName?: string): unknown;
}

/**
 * pdfkit parses a font afresh for every document and for every text element of an SVG chart
 * (fontkit.create); the parsed font holds the glyph and layout caches that make Japanese text
 * fast. Remember the parse of our own font files, so each is parsed once per process and every
 * document shares its caches (each document still builds its own subset). Other fonts pass through.
 */
function shareParsedFonts(fonts: PdfFonts): void {
  const requireHere = createRequire(import.meta.url);
  const requireFromPdfkit = createRequire(
    requireHere.resolve('@foliojs-fork/pdfkit', { paths: [requireHere.resolve('pdfmake')] }),
  );
  const fontkit = requireFromPdfkit('@foliojs-fork/fontkit') as Fontkit;
  const ours = new Set<Buffer>(Object.values(fonts).flatMap((family: Record<string, Buffer>) => Object.values(family)));
  const parsed = new Map<Buffer, unknown>();
  const create = fontkit.create.bind(fontkit);
  fontkit.create = (buffer, postscriptName) => {
    if (postscriptName !== undefined || !ours.has(buffer)) return create(buffer, postscriptName);
    if (!parsed.has(buffer)) parsed.set(buffer, create(buffer));
    return parsed.get(buffer);
  };
}

let printer: Promise<PdfPrinter> | undefined;

/** One pdfmake printer per process, created on first use (pdfmake itself is loaded only then). */
function getPrinter(): Promise<PdfPrinter> {
  printer ??= (async () => {
    const [{ default: Printer }, fonts] = await Promise.all([import('pdfmake'), loadPdfFonts()]);
    shareParsedFonts(fonts);
    return new Printer({ ...fonts });
  })().catch((error: unknown) => {
    printer = undefined;
    throw error;
  });
  return printer;
}

/**
 * Lays out a pdfmake document definition and returns the finished PDF bytes. Fonts are the
 * embedded Noto Sans JP (see loadPdfFonts), subset to the glyphs used, so text stays selectable
 * and searchable.
 */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  const pdf = (await getPrinter()).createPdfKitDocument(definition);
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve());
    pdf.on('error', reject);
  });
  pdf.end();
  await done;
  return Buffer.concat(chunks);
}
