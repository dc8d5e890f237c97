import { open, readFile, stat } from 'node:fs/promises';
import { fileProblem } from './feed-problems';

// Small file helpers shared by the feed and SBOM readers: the first bytes (to tell formats apart
// without reading a 2 GB NVD feed) and whole small documents with located JSON errors.

/** The first `bytes` of a file as UTF-8 text (a leading BOM removed). */
export async function readHead(file: string, bytes = 64 * 1024): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
}

/** Documents read whole (CSAF, OSV, JVN, SBOM) may be at most this large; NVD feeds stream. */
export const WHOLE_DOCUMENT_LIMIT = 256 * 1024 * 1024;

/** Reads a whole text file (BOM removed), refusing a file above WHOLE_DOCUMENT_LIMIT. */
export async function readWholeText(file: string): Promise<string> {
  const { size } = await stat(file);
  if (size > WHOLE_DOCUMENT_LIMIT)
    throw fileProblem(file, `the file is larger than ${WHOLE_DOCUMENT_LIMIT} bytes`, 'file_too_large');
  if (size === 0) throw fileProblem(file, 'the file is empty (0 bytes)', 'file_empty');
  return (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
}

/** Parses a whole JSON document; a syntax error is reported with its line and column. */
export async function readJsonDocument(file: string): Promise<unknown> {
  return parseJsonText(file, await readWholeText(file));
}

/** Parses JSON text read from `file`; a syntax error is reported with its line and column. */
export function parseJsonText(file: string, content: string): unknown {
  try {
    return JSON.parse(content) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const where = position ? lineAndColumn(content, Number(position[1])) : undefined;
    throw fileProblem(
      file,
      `not valid JSON: ${message}${where ? ` (line ${where.line}, column ${where.column})` : ''}`,
      'bad_format',
    );
  }
}

function lineAndColumn(content: string, offset: number): { line: number; column: number } {
  const before = content.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
