import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** The font family every report PDF is set in (pdfmake's name for it, also used inside SVG charts). */
export const PDF_FONT_FAMILY = 'NotoSansJP';

/** Noto Sans JP Regular and Bold as pdfmake font descriptors: bytes, read once. */
export interface PdfFonts {
  readonly [PDF_FONT_FAMILY]: { normal: Buffer; bold: Buffer; italics: Buffer; bolditalics: Buffer };
}

const FONT_FILES = {
  normal: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
} as const;

let loading: Promise<PdfFonts> | undefined;

/**
 * The embedded fonts, read from the installed @expo-google-fonts/noto-sans-jp package on first
 * use and kept for the life of the process (about 11 MB; every PDF after the first reuses them).
 * pdfkit embeds only the glyphs a document uses (a subset), so the PDFs stay small.
 * Italic falls back to the upright faces: Japanese has no italic.
 */
export function loadPdfFonts(): Promise<PdfFonts> {
  loading ??= (async () => {
    const resolve = createRequire(import.meta.url).resolve;
    const [normal, bold] = await Promise.all([
      readFile(resolve(FONT_FILES.normal)),
      readFile(resolve(FONT_FILES.bold)),
    ]);
    return { [PDF_FONT_FAMILY]: { normal, bold, italics: normal, bolditalics: bold } };
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
