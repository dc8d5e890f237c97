import { DomainError } from '../../core/domain-error';

/** Limits of a small uploaded zip container (an XLSX): entries and total inflated size. */
export const ZIP_LIMITS = { maxEntries: 200, maxUncompressedBytes: 50 * 1024 * 1024 } as const;

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

/**
 * Refuses a zip whose central directory declares too many entries or too many inflated bytes (a
 * zip bomb), or that has no readable directory, before any of it is inflated. ZIP64 archives are
 * refused: nothing we read is that large.
 */
export function checkZipLimits(bytes: Buffer, fileName: string): void {
  const refuse = (reason: string): never => {
    throw new DomainError('VALIDATION_FAILED', `The file is not a workbook we can read: ${reason}.`, [
      { file: fileName, reason, code: 'file_type' },
    ]);
  };
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at -= 1) {
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return refuse('not a zip container');
  const entries = bytes.readUInt16LE(end + 10);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (entries > ZIP_LIMITS.maxEntries) refuse(`more than ${ZIP_LIMITS.maxEntries} parts`);
  let at = directoryOffset;
  let total = 0;
  for (let index = 0; index < entries; index += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) refuse('a damaged zip directory');
    const size = bytes.readUInt32LE(at + 24);
    if (size === 0xffffffff) refuse('a ZIP64 archive');
    total += size;
    if (total > ZIP_LIMITS.maxUncompressedBytes)
      refuse(`more than ${ZIP_LIMITS.maxUncompressedBytes / 1024 / 1024} MB once unpacked`);
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
}
