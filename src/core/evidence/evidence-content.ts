import { stripBidiControls } from '../text/terminal-text';
import { DomainError, type ReasonCode } from '../domain-error';

/**
 * What the bytes of an uploaded file turned out to be, found by looking at them (never by the
 * name or the type the client claims): a type recognised by its signature, UTF-8 text without
 * NUL bytes (plain text has no signature), or neither.
 */
export type SniffedContent =
  { readonly kind: 'detected'; readonly mediaType: string } | { readonly kind: 'text' } | { readonly kind: 'unknown' };

/** Types accepted when recognised by their signature: documents, screenshots, archives, Office files. */
export const ALLOWED_DETECTED_MEDIA_TYPES: readonly string[] = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
];

/**
 * Text has no signature, so the name decides which text format it is (only among these); the
 * bytes must still be UTF-8 without NUL. Stored with the charset, since it was checked.
 */
export const TEXT_MEDIA_TYPE_BY_EXTENSION: Readonly<Record<string, string>> = {
  '.txt': 'text/plain; charset=utf-8',
  '.log': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.json': 'application/json',
};

/** File name extensions of the accepted types, for pickers and the upload area's hint (the bytes still decide). */
export const ACCEPTED_EVIDENCE_EXTENSIONS: readonly string[] = [
  '.pdf',
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.webp',
  '.zip',
  '.docx',
  '.xlsx',
  '.pptx',
  ...Object.keys(TEXT_MEDIA_TYPE_BY_EXTENSION),
];

const ALLOWED_SUMMARY =
  'PDF, PNG, JPEG, GIF, WebP, ZIP, Word/Excel/PowerPoint (.docx/.xlsx/.pptx), or UTF-8 text (.txt, .csv, .log, .json, .md)';

/**
 * The media type to store for an uploaded file, or VALIDATION_FAILED naming field `file` when
 * its content is not on the allow-list (or the file is empty).
 */
export function acceptEvidenceContent(content: SniffedContent, fileName: string, sizeBytes: number): string {
  if (sizeBytes === 0) throw refuse('The file is empty.', 'is empty', 'file_empty');
  switch (content.kind) {
    case 'detected':
      if (ALLOWED_DETECTED_MEDIA_TYPES.includes(content.mediaType)) return content.mediaType;
      throw refuse(
        `Files of type ${content.mediaType} are not accepted as evidence. Accepted: ${ALLOWED_SUMMARY}.`,
        `type ${content.mediaType} is not accepted`,
        'file_type',
      );
    case 'text': {
      const mediaType = TEXT_MEDIA_TYPE_BY_EXTENSION[extensionOf(fileName)];
      if (mediaType) return mediaType;
      throw refuse(
        `Text files are accepted only as .txt, .csv, .log, .json or .md. Accepted: ${ALLOWED_SUMMARY}.`,
        'text file without a .txt/.csv/.log/.json/.md name',
        'file_text_extension',
      );
    }
    case 'unknown':
      throw refuse(
        `The file's content is not a type accepted as evidence. Accepted: ${ALLOWED_SUMMARY}.`,
        'type not recognised',
        'file_type',
      );
  }
}

/** The lower-case extension of a file name, with its dot ('' when there is none). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot).toLowerCase() : '';
}

/**
 * The file name as shown and offered on download: the last path segment (some clients send a
 * path), without control or bidirectional-override characters, at most 255 characters, never empty.
 */
export function cleanFileName(raw: string): string {
  const lastSegment = raw.split(/[\\/]/).pop() ?? '';
  // Bidi overrides would show "invoice\u202Efdp.exe" as "invoiceexe.pdf"; C1 controls as terminal codes.
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const cleaned = stripBidiControls(lastSegment.replace(/[\u0000-\u001f\u007f-\u009f]/g, '')).trim();
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return 'evidence';
  if (cleaned.length <= 255) return cleaned;
  const extension = extensionOf(cleaned);
  return extension.length < 20 ? cleaned.slice(0, 255 - extension.length) + extension : cleaned.slice(0, 255);
}

/** The refusal of an upload over the limit: 413 PAYLOAD_TOO_LARGE, the limit in `limitBytes`. */
export function evidenceTooLarge(maxBytes: number): DomainError {
  return new DomainError(
    'PAYLOAD_TOO_LARGE',
    `The file is larger than the upload limit of ${formatBytes(maxBytes)}. Nothing was stored.`,
    [{ field: 'file', reason: `larger than ${maxBytes} bytes`, code: 'file_too_large', params: { limit: maxBytes } }],
    {
      limitBytes: maxBytes,
    },
  );
}

/** 26214400 → "25 MiB", 1536 → "1.5 KiB", 900 → "900 bytes". */
export function formatBytes(bytes: number): string {
  const units = ['KiB', 'MiB', 'GiB'] as const;
  let value = bytes;
  let unit: string = 'bytes';
  for (const next of units) {
    if (value < 1024) break;
    value /= 1024;
    unit = next;
  }
  return unit === 'bytes' ? `${bytes} bytes` : `${Number(value.toFixed(1))} ${unit}`;
}

function refuse(message: string, reason: string, code: ReasonCode): DomainError {
  return new DomainError('VALIDATION_FAILED', message, [{ field: 'file', reason, code }]);
}
