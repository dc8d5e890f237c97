import type { Writable } from 'node:stream';

/** The two languages a report is written in. */
export type ReportLanguage = 'ja' | 'en';

/** Called with the share of the work done so far (0 to 1); a job stores it as its progress. */
export type ReportProgress = (fraction: number) => void;

/**
 * A report or export ready to be written: what it is called and what it holds. `write` streams the
 * bytes into `destination` and resolves once all are written (it does not end a destination it was
 * not asked to; callers end it). The same object serves a CLI `-o` file (through a temporary file
 * and a rename), a background job's stored file and a direct HTTP download.
 */
export interface GeneratedReport {
  /** A suggested file name, e.g. `iotcheck-report-2026.pdf`; never a path. */
  readonly fileName: string;
  readonly mediaType: string;
  write(destination: Writable): Promise<void>;
}

/** A report of bytes already in memory (CSV, JSON, a small PDF). */
export function reportOfBytes(fileName: string, mediaType: string, bytes: Uint8Array | string): GeneratedReport {
  return {
    fileName,
    mediaType,
    write: (destination) =>
      new Promise<void>((resolve, reject) => {
        destination.once('error', reject);
        destination.write(bytes, (error) => {
          destination.off('error', reject);
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}
