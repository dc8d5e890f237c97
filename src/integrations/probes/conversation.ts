import type { Duplex } from 'node:stream';
import { because, type ProbeReason } from '../../core/probes/probe-reason';

/** How a wait ended: the expected bytes came, the deadline passed, the peer closed, or the probe was cancelled. */
export type WaitOutcome = 'matched' | 'timeout' | 'closed' | 'aborted';

/** Most bytes kept from one peer: a server that floods gets cut off, not buffered. */
const MAX_BUFFER = 64 * 1024;

/**
 * A socket read through deadlines: every wait names its own timeout, bytes accumulate (bounded)
 * until a test on them matches, and a transcript of what was sent and received is kept for the
 * observation's detail (callers never write secrets into it: see `write`'s `shown`).
 */
export class Conversation {
  private buffer = Buffer.alloc(0);
  private closed = false;
  private wake: (() => void) | undefined;
  private readonly transcript: string[] = [];

  constructor(
    readonly socket: Duplex,
    private readonly signal?: AbortSignal,
  ) {
    socket.on('data', (chunk: Buffer) => {
      if (this.buffer.length < MAX_BUFFER) this.buffer = Buffer.concat([this.buffer, chunk]).subarray(0, MAX_BUFFER);
      this.wake?.();
    });
    const end = (): void => {
      this.closed = true;
      this.wake?.();
    };
    socket.on('end', end);
    socket.on('close', end);
    socket.on('error', end);
  }

  /** The bytes received and not yet taken. */
  get received(): Buffer {
    return this.buffer;
  }

  /** Removes and returns the first `length` bytes (all by default). */
  take(length = this.buffer.length): Buffer {
    const taken = this.buffer.subarray(0, length);
    this.buffer = this.buffer.subarray(length);
    return taken;
  }

  /** Waits until `test(received)` is true, the peer closes, the deadline passes or the probe is cancelled. */
  async waitFor(test: (received: Buffer) => boolean, timeoutMs: number): Promise<WaitOutcome> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (test(this.buffer)) return 'matched';
      if (this.signal?.aborted) return 'aborted';
      if (this.closed) return 'closed';
      const left = deadline - Date.now();
      if (left <= 0) return 'timeout';
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          this.signal?.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, left);
        this.signal?.addEventListener('abort', done, { once: true });
        this.wake = done;
      });
      this.wake = undefined;
    }
  }

  /** Sends bytes; `shown` is what the transcript records instead (e.g. without a password). */
  write(data: Buffer | string, shown?: string): void {
    this.note('>', shown ?? (typeof data === 'string' ? data.replace(/\r?\n$/, '') : `[${data.length} bytes]`));
    if (!this.socket.destroyed) this.socket.write(data);
  }

  /** Adds a line to the transcript (`<` received, `>` sent, `#` a remark). */
  note(direction: '<' | '>' | '#', text: string): void {
    this.transcript.push(`${direction} ${text}`);
  }

  /** The transcript so far, one line per exchange. */
  describe(): string {
    return this.transcript.join('\n');
  }

  close(): void {
    this.socket.destroy();
  }
}

/** Why a wait gave nothing usable: the peer's bytes were not the protocol's (`matched`), or how it ended. */
export function waitReason(outcome: WaitOutcome): ProbeReason {
  if (outcome === 'matched') return because('unexpected_answer');
  if (outcome === 'timeout') return because('timed_out');
  return outcome === 'closed' ? because('closed_by_peer') : because('cancelled');
}
