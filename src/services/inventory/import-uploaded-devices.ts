import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import type { Database } from '../../db/database';
import type { RequestContext } from '../auth/account-deps';
import { importDevices, type ImportDevicesResult } from './import-devices';

/** An uploaded inventory file as the edge receives it. */
export interface UploadedTableFile {
  readonly content: AsyncIterable<Uint8Array | string>;
  readonly fileName: string;
  /** True when the edge cut the bytes at its size limit. */
  readonly truncated: () => boolean;
}

export interface ImportUploadDeps {
  readonly database: Database;
  readonly clock: () => Date;
  /** A directory for spooling uploads (inside DATA_DIR, so on the same disk as the data). */
  readonly spoolDir: string;
  readonly importMaxBytes: number;
}

/**
 * Spools an upload to a temporary file (imports read their file twice: to sniff it, then to
 * stream it) and imports it; the spooled copy is removed whatever happens.
 */
export async function importUploadedDevices(
  deps: ImportUploadDeps,
  input: {
    actor: Actor;
    file: UploadedTableFile;
    dryRun: boolean;
    validOnly: boolean;
    context?: RequestContext;
  },
): Promise<ImportDevicesResult> {
  await mkdir(deps.spoolDir, { recursive: true });
  const path = join(deps.spoolDir, `import-${randomUUID()}`);
  try {
    await pipeline(Readable.from(input.file.content), createWriteStream(path));
    if (input.file.truncated()) {
      throw new DomainError('PAYLOAD_TOO_LARGE', `${input.file.fileName}: larger than the import limit.`, [
        {
          file: input.file.fileName,
          reason: `larger than ${deps.importMaxBytes} bytes (IMPORT_MAX_BYTES)`,
          code: 'file_too_large',
          params: { limit: deps.importMaxBytes },
        },
      ]);
    }
    return await importDevices(deps, {
      actor: input.actor,
      path,
      fileName: input.file.fileName,
      dryRun: input.dryRun,
      validOnly: input.validOnly,
      ...(input.context && { context: input.context }),
    });
  } finally {
    await rm(path, { force: true });
  }
}
