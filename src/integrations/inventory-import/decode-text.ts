import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';

/** The encodings an inventory file may come in: UTF-8 (with or without BOM), UTF-16LE, Shift_JIS (CP932). */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'shift_jis';

/** Raised when the bytes are neither UTF-8 nor Shift_JIS: the file is refused, never garbled. */
export class EncodingProblem extends Error {
  constructor(readonly byteOffset: number) {
    super(`the text is neither UTF-8 nor Shift_JIS (CP932) near byte ${byteOffset}`);
  }
}

/**
 * Bytes → text, detecting the encoding as Excel in Japan writes it. A BOM decides at once. Without
 * one the text is read as UTF-8 until a byte sequence proves otherwise; if everything before it
 * was plain ASCII (identical in both), decoding switches to Shift_JIS (the WHATWG decoder is
 * CP932, so ①, ㈱ and NEC/IBM extensions decode). Invalid text in the chosen encoding is refused.
 */
export class DecodeText extends Transform {
  private decoder: TextDecoder | undefined;
  private name: TextEncodingName | undefined;
  private asciiSoFar = true;
  private offset = 0;
  private head: Buffer = Buffer.alloc(0);

  constructor() {
    super({ readableObjectMode: false, decodeStrings: true, encoding: 'utf8' });
  }

  /** The encoding in use (known after the first bytes). */
  get encoding(): TextEncodingName {
    return this.name ?? 'utf-8';
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      let bytes = chunk;
      if (!this.decoder) {
        // A BOM may arrive split over chunks: decide once three bytes are here.
        this.head = Buffer.concat([this.head, chunk]);
        if (this.head.length < 3) return done();
        bytes = this.start(this.head);
      }
      this.push(this.decode(bytes));
      this.offset += chunk.length;
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      if (!this.decoder && this.head.length > 0) this.push(this.decode(this.start(this.head)));
      if (this.tail.length > 0) throw new EncodingProblem(this.offset);
      if (this.decoder && this.name !== 'utf-8' && this.name !== 'utf-8-bom') this.push(this.decoder.decode());
      done();
    } catch {
      done(new EncodingProblem(this.offset));
    }
  }

  private start(bytes: Buffer): Buffer {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return this.use('utf-8-bom', bytes.subarray(3));
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return this.use('utf-16le', bytes.subarray(2));
    return this.use('utf-8', bytes);
  }

  private use(name: TextEncodingName, bytes: Buffer): Buffer {
    this.name = name;
    const label = name === 'utf-8-bom' ? 'utf-8' : name;
    this.decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true });
    return bytes;
  }

  private decode(bytes: Buffer): string {
    if (this.name === 'utf-8' || this.name === 'utf-8-bom') return this.decodeUtf8(bytes);
    return this.decodeOther(bytes);
  }

  /** Bytes held back from the last chunk: the start of a character that continues in the next. */
  private tail: Buffer = Buffer.alloc(0);

  /**
   * UTF-8 through Node's native validator and decoder (several times faster than a fatal
   * TextDecoder on a large file): a chunk is cut before an incomplete last character, which
   * waits for the next chunk.
   */
  private decodeUtf8(chunk: Buffer): string {
    const bytes = this.tail.length > 0 ? Buffer.concat([this.tail, chunk]) : chunk;
    const cut = completeLength(bytes);
    const whole = bytes.subarray(0, cut);
    this.tail = Buffer.from(bytes.subarray(cut));
    if (isUtf8(whole)) {
      if (this.asciiSoFar && !isAscii(whole)) this.asciiSoFar = false;
      return whole.toString('utf8');
    }
    if (this.name !== 'utf-8' || !this.asciiSoFar) throw new EncodingProblem(this.offset + firstNonAscii(whole));
    this.use('shift_jis', whole);
    const rest = this.tail;
    this.tail = Buffer.alloc(0);
    return this.decodeOther(Buffer.concat([whole, rest]));
  }

  private decodeOther(bytes: Buffer): string {
    try {
      const text = this.decoder!.decode(bytes, { stream: true });
      this.asciiSoFar = false;
      return text;
    } catch {
      throw new EncodingProblem(this.offset + firstNonAscii(bytes));
    }
  }
}

/** The length of `bytes` without an incomplete UTF-8 sequence at its end. */
function completeLength(bytes: Buffer): number {
  const end = bytes.length;
  for (let back = 1; back <= 3 && back <= end; back++) {
    const byte = bytes[end - back]!;
    if (byte < 0x80) return end; // ASCII: nothing pending
    if (byte >= 0xc0) {
      const needs = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return needs > back ? end - back : end;
    }
  }
  return end;
}

function isAscii(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! > 0x7f) return false;
  return true;
}

function firstNonAscii(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! > 0x7f) return i;
  return 0;
}
