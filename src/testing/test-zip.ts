import { constants, deflateRawSync } from 'node:zlib';

// Hand-built ZIP containers for the hostile-input tests (issue 16): sizes in the directory can lie
// and bytes can hide between parts, which no zip library will write on purpose.

/** One part of a hand-built ZIP: its compressed bytes and what the directory says about them. */
export interface ZipPart {
  readonly name: string;
  /** Raw deflate data (method 8). */
  readonly data: Buffer;
  /** The uncompressed size the directory declares. */
  readonly declaredSize: number;
}

/** A deflated part whose directory entry tells the truth. */
export function deflatedPart(name: string, text: string): ZipPart {
  return { name, data: deflateRawSync(Buffer.from(text)), declaredSize: Buffer.byteLength(text) };
}

/**
 * Raw deflate data that inflates to `prefix` followed by `repeat` × `block`, built from ONE
 * compressed copy of `block` (full flushes make each copy independent), so a gigabyte costs
 * milliseconds to build.
 */
export function repeatedDeflate(prefix: string, block: Buffer, repeat: number): { data: Buffer; size: number } {
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const head = deflateRawSync(Buffer.from(prefix), flush);
  const body = deflateRawSync(block, flush);
  const parts = [head, ...Array.from({ length: repeat }, () => body), Buffer.from([0x03, 0x00])];
  return { data: Buffer.concat(parts), size: Buffer.byteLength(prefix) + block.length * repeat };
}

/** A ZIP container of `parts`; `hidden` bytes are slipped in before the first part's successor. */
export function buildZip(parts: readonly ZipPart[], hidden?: Buffer): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  parts.forEach((part, index) => {
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(part.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(part.data.length, 20);
    entry.writeUInt32LE(part.declaredSize, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, part.data);
    central.push(entry, name);
    offset += 30 + name.length + part.data.length;
    if (index === 0 && hidden) {
      locals.push(hidden);
      offset += hidden.length;
    }
  });
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
