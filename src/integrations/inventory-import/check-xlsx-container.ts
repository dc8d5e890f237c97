import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import { DomainError } from '../../core/domain-error';

/** How much an inventory XLSX (a ZIP container) may hold once unpacked. */
export interface XlsxContainerLimits {
  readonly maxEntries: number;
  /** Largest uncompressed size of one part (a million-row sheet is a few hundred MB). */
  readonly maxEntryBytes: number;
  /** Largest uncompressed size of the shared strings part, which the reader keeps in memory. */
  readonly maxSharedStringsBytes: number;
  readonly maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio of a part over 1 MB unpacked (honest sheets stay below 50). */
  readonly maxRatio: number;
}

export const INVENTORY_XLSX_LIMITS: XlsxContainerLimits = {
  maxEntries: 1000,
  maxEntryBytes: 1024 ** 3,
  maxSharedStringsBytes: 256 * 1024 ** 2,
  maxTotalBytes: 2 * 1024 ** 3,
  maxRatio: 200,
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ONE_MB = 1024 ** 2;

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressed: number;
  readonly uncompressed: number;
  readonly offset: number;
  /** Where the compressed bytes start (after the local header), once checkContiguous read it. */
  dataStart: number;
}

/**
 * Checks an inventory XLSX before the streaming reader unpacks it, reading only its central
 * directory and then inflating each part with nothing kept: refuses too many parts, parts or a
 * total larger than `limits` (declared or actual), an absurd compression ratio (a zip bomb),
 * ZIP64, encryption, unknown compression, and bytes outside the declared parts (a reader that
 * walks local headers would otherwise unpack parts the directory hides). Memory stays at one
 * inflate window; time is bounded by the limits. Refusals are VALIDATION_FAILED naming the file.
 */
export async function checkXlsxContainer(
  path: string,
  fileName: string,
  limits: XlsxContainerLimits = INVENTORY_XLSX_LIMITS,
): Promise<void> {
  const handle = await open(path, 'r');
  let entries: Entry[];
  try {
    entries = await readDirectory(handle, fileName, limits);
  } finally {
    await handle.close();
  }
  let total = 0;
  for (const entry of entries) {
    const cap = /(^|\/)sharedStrings\.xml$/i.test(entry.name) ? limits.maxSharedStringsBytes : limits.maxEntryBytes;
    if (entry.uncompressed > cap) refuse(fileName, `${entry.name} is larger than ${cap} bytes once unpacked`);
    total += entry.uncompressed;
    if (total > limits.maxTotalBytes) refuse(fileName, `more than ${limits.maxTotalBytes} bytes once unpacked`);
    if (entry.uncompressed > ONE_MB && entry.uncompressed > limits.maxRatio * Math.max(entry.compressed, 1))
      refuse(fileName, `${entry.name} unpacks to more than ${limits.maxRatio} times its size (a zip bomb)`);
  }
  for (const entry of entries) await checkEntryData(path, fileName, entry);
}

function refuse(fileName: string, reason: string): never {
  throw new DomainError('VALIDATION_FAILED', `${fileName}: not an XLSX file we can read: ${reason}`, [
    { file: fileName, reason, code: 'not_tabular' },
  ]);
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

async function readDirectory(handle: FileHandle, fileName: string, limits: XlsxContainerLimits): Promise<Entry[]> {
  const { size } = await handle.stat();
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = await readAt(handle, size - tailLength, tailLength);
  let end = -1;
  for (let at = tail.length - 22; at >= 0; at--)
    if (tail.readUInt32LE(at) === EOCD) {
      end = at;
      break;
    }
  if (end < 0) refuse(fileName, 'no ZIP directory (damaged or truncated)');
  const count = tail.readUInt16LE(end + 10);
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff)
    refuse(fileName, 'a ZIP64 container (no inventory workbook is that large)');
  if (count > limits.maxEntries) refuse(fileName, `${count} parts (at most ${limits.maxEntries})`);
  if (directoryOffset + directorySize > size) refuse(fileName, 'the ZIP directory is damaged');
  const directory = await readAt(handle, directoryOffset, directorySize);
  const entries: Entry[] = [];
  let at = 0;
  for (let index = 0; index < count; index++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL)
      refuse(fileName, 'the ZIP directory is damaged');
    const nameLength = directory.readUInt16LE(at + 28);
    const entry: Entry = {
      flags: directory.readUInt16LE(at + 8),
      method: directory.readUInt16LE(at + 10),
      compressed: directory.readUInt32LE(at + 20),
      uncompressed: directory.readUInt32LE(at + 24),
      offset: directory.readUInt32LE(at + 42),
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
      dataStart: -1,
    };
    if (entry.compressed === 0xffffffff || entry.uncompressed === 0xffffffff || entry.offset === 0xffffffff)
      refuse(fileName, 'a ZIP64 container (no inventory workbook is that large)');
    if (entry.flags & 1) refuse(fileName, `${entry.name} is encrypted`);
    if (entry.method !== 0 && entry.method !== 8)
      refuse(fileName, `${entry.name} uses compression method ${entry.method}`);
    entries.push(entry);
    at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
  }
  await checkContiguous(handle, fileName, entries, directoryOffset);
  return entries;
}

/** The parts must tile the bytes before the directory: nothing hidden between or after them. */
async function checkContiguous(
  handle: FileHandle,
  fileName: string,
  entries: Entry[],
  directoryOffset: number,
): Promise<void> {
  let expected = 0;
  for (const entry of [...entries].sort((a, b) => a.offset - b.offset)) {
    if (entry.offset !== expected) refuse(fileName, `bytes outside the declared parts before ${entry.name}`);
    const header = await readAt(handle, entry.offset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) refuse(fileName, `${entry.name}: damaged part header`);
    entry.dataStart = entry.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    expected = entry.dataStart + entry.compressed;
    if (entry.flags & 8) {
      // A data descriptor follows: 12 or 16 bytes (with its optional signature).
      const descriptor = await readAt(handle, expected, 4);
      expected += descriptor.length === 4 && descriptor.readUInt32LE(0) === 0x08074b50 ? 16 : 12;
    }
  }
  if (expected !== directoryOffset) refuse(fileName, 'bytes outside the declared parts before the ZIP directory');
}

/** Inflates one part into nothing, refusing it once it yields more than its declared size. */
async function checkEntryData(path: string, fileName: string, entry: Entry): Promise<void> {
  const start = entry.dataStart;
  if (entry.compressed === 0) {
    if (entry.uncompressed !== 0) refuse(fileName, `${entry.name} is truncated`);
    return;
  }
  const source = createReadStream(path, { start, end: start + entry.compressed - 1 });
  const output = entry.method === 8 ? source.pipe(createInflateRaw()) : source;
  source.on('error', (error) => output.destroy(error));
  let produced = 0;
  try {
    for await (const chunk of output as AsyncIterable<Buffer>) {
      produced += chunk.length;
      if (produced > entry.uncompressed)
        refuse(fileName, `${entry.name} unpacks to more than the ${entry.uncompressed} bytes its directory declares`);
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    refuse(fileName, `${entry.name}: the compressed data is damaged`);
  } finally {
    source.destroy();
    output.destroy();
  }
  if (produced !== entry.uncompressed)
    refuse(
      fileName,
      `${entry.name} unpacks to ${produced} bytes, not the ${entry.uncompressed} its directory declares`,
    );
}
