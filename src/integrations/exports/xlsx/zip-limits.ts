import { inflateRawSync } from 'node:zlib';

/** How much a workbook (a ZIP container) may hold once unpacked. */
export interface ZipLimits {
  /** Largest sum of the entries' uncompressed sizes. */
  readonly maxUncompressedBytes: number;
  readonly maxEntries: number;
  /** Largest uncompressed/compressed ratio of one entry bigger than 1 MB unpacked. */
  readonly maxRatio: number;
}

/** Limits for checksheet workbooks: 60 rows are a few hundred kB unpacked; 100 MB is far beyond any honest one. */
export const WORKBOOK_ZIP_LIMITS: ZipLimits = {
  maxUncompressedBytes: 100 * 1024 ** 2,
  maxEntries: 2000,
  maxRatio: 200,
};

/** Why a ZIP is refused, in words for a log line, with a stable reason for clients. */
export interface ZipRefusal {
  readonly reason: string;
  readonly kind: 'not_zip' | 'too_many_entries' | 'too_large_unpacked' | 'ratio' | 'size_mismatch' | 'unsupported';
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_U32 = 0xffffffff;
const ONE_MB = 1024 ** 2;

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly compressed: number;
  readonly uncompressed: number;
  readonly localOffset: number;
}

/**
 * Checks a ZIP container before anything unpacks it: reads the central directory (entry count and
 * the declared uncompressed sizes), refuses too many entries, too much in total or an absurd ratio,
 * and then inflates each entry with an output cap of its declared size, so a container that lies
 * about its sizes is refused too (nothing larger than the declared total is ever produced).
 * Undefined when the container is within the limits.
 */
export function checkZipLimits(bytes: Uint8Array, limits: ZipLimits = WORKBOOK_ZIP_LIMITS): ZipRefusal | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const directory = readDirectory(buffer);
  if ('kind' in directory) return directory;
  if (directory.count > limits.maxEntries)
    return { kind: 'too_many_entries', reason: `${directory.count} entries (at most ${limits.maxEntries})` };
  const entries = readEntries(buffer, directory);
  if (!Array.isArray(entries)) return entries;
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressed;
    if (total > limits.maxUncompressedBytes)
      return {
        kind: 'too_large_unpacked',
        reason: `more than ${limits.maxUncompressedBytes} bytes once unpacked (declared by the ZIP directory)`,
      };
    if (entry.uncompressed > ONE_MB && entry.uncompressed > limits.maxRatio * Math.max(entry.compressed, 1))
      return {
        kind: 'ratio',
        reason: `${entry.name} unpacks ${Math.round(entry.uncompressed / Math.max(entry.compressed, 1))} times its size`,
      };
  }
  for (const entry of entries) {
    const refusal = checkEntryContent(buffer, entry);
    if (refusal) return refusal;
  }
  return undefined;
}

function readDirectory(buffer: Buffer): { count: number; offset: number; size: number } | ZipRefusal {
  const notZip: ZipRefusal = { kind: 'not_zip', reason: 'not a ZIP container (no end of central directory)' };
  // The end record is 22 bytes plus a comment of up to 65535 bytes.
  const lowest = Math.max(0, buffer.length - 22 - 0xffff);
  let end = -1;
  for (let at = buffer.length - 22; at >= lowest; at--) {
    if (buffer.readUInt32LE(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) return notZip;
  let count = buffer.readUInt16LE(end + 10);
  let size = buffer.readUInt32LE(end + 12);
  let offset = buffer.readUInt32LE(end + 16);
  if (count === 0xffff || size === MAX_U32 || offset === MAX_U32) {
    const locator = end - 20;
    if (locator < 0 || buffer.readUInt32LE(locator) !== ZIP64_LOCATOR) return notZip;
    const zip64 = Number(buffer.readBigUInt64LE(locator + 8));
    if (zip64 + 56 > buffer.length || buffer.readUInt32LE(zip64) !== ZIP64_EOCD) return notZip;
    count = Number(buffer.readBigUInt64LE(zip64 + 32));
    size = Number(buffer.readBigUInt64LE(zip64 + 40));
    offset = Number(buffer.readBigUInt64LE(zip64 + 48));
  }
  if (offset + size > buffer.length) return notZip;
  return { count, offset, size };
}

function readEntries(buffer: Buffer, directory: { count: number; offset: number }): Entry[] | ZipRefusal {
  const broken: ZipRefusal = { kind: 'not_zip', reason: 'the ZIP central directory is damaged' };
  const entries: Entry[] = [];
  let at = directory.offset;
  for (let index = 0; index < directory.count; index++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== CENTRAL) return broken;
    const method = buffer.readUInt16LE(at + 10);
    let compressed = buffer.readUInt32LE(at + 20);
    let uncompressed = buffer.readUInt32LE(at + 24);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    let localOffset = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    // ZIP64: the sizes that do not fit 32 bits are in extra field 0x0001, in this order.
    if (uncompressed === MAX_U32 || compressed === MAX_U32 || localOffset === MAX_U32) {
      const extra = buffer.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
      const values = zip64Values(extra);
      if (uncompressed === MAX_U32) uncompressed = values.shift() ?? Number.MAX_SAFE_INTEGER;
      if (compressed === MAX_U32) compressed = values.shift() ?? Number.MAX_SAFE_INTEGER;
      if (localOffset === MAX_U32) localOffset = values.shift() ?? Number.MAX_SAFE_INTEGER;
    }
    entries.push({ name, method, compressed, uncompressed, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function zip64Values(extra: Buffer): number[] {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      const values: number[] = [];
      for (let offset = at + 4; offset + 8 <= at + 4 + length && offset + 8 <= extra.length; offset += 8)
        values.push(Number(extra.readBigUInt64LE(offset)));
      return values;
    }
    at += 4 + length;
  }
  return [];
}

/** Inflates one entry with its declared size as the cap: more output means the directory lied. */
function checkEntryContent(buffer: Buffer, entry: Entry): ZipRefusal | undefined {
  const at = entry.localOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL)
    return { kind: 'not_zip', reason: `${entry.name}: the local header is missing` };
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  const data = buffer.subarray(start, start + entry.compressed);
  if (data.length !== entry.compressed) return { kind: 'not_zip', reason: `${entry.name}: the ZIP is truncated` };
  const mismatch: ZipRefusal = {
    kind: 'size_mismatch',
    reason: `${entry.name} unpacks to more than the ${entry.uncompressed} bytes its directory declares`,
  };
  if (entry.method === 0) return data.length === entry.uncompressed ? undefined : mismatch;
  if (entry.method !== 8)
    return { kind: 'unsupported', reason: `${entry.name}: compression method ${entry.method} is not supported` };
  try {
    const output = inflateRawSync(data, { maxOutputLength: Math.max(entry.uncompressed, 1) });
    return output.length === entry.uncompressed ? undefined : mismatch;
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    if (code === 'ERR_BUFFER_TOO_LARGE') return mismatch;
    return { kind: 'not_zip', reason: `${entry.name}: the compressed data is damaged` };
  }
}
