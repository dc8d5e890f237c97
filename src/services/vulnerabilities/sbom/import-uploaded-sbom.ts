import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Actor } from '../../../core/auth/actor';
import { can } from '../../../core/auth/policy';
import { DomainError, isDomainError } from '../../../core/domain-error';
import type { RequestContext } from '../../auth/account-deps';
import { requireOrganisation } from '../../accounts/require-user';
import type { UploadedTableFile } from '../../inventory/import-uploaded-devices';
import type { VulnerabilityDeps } from '../vulnerability-deps';
import { importSbom, type SbomImportResult, type SbomTarget } from './import-sbom';

export interface SbomUploadDeps extends VulnerabilityDeps {
  /** A directory for spooling uploads (inside DATA_DIR). */
  readonly spoolDir: string;
  readonly maxBytes: number;
}

/**
 * Spools an uploaded SBOM, then reads the form's target (fields may follow the file) and imports
 * it with importSbom; the spooled copy is removed whatever happens. Too large → PAYLOAD_TOO_LARGE.
 */
export async function importUploadedSbom(
  deps: SbomUploadDeps,
  input: {
    readonly actor: Actor;
    readonly file: UploadedTableFile;
    readonly readTarget: () => Promise<SbomTarget>;
    readonly context?: RequestContext;
  },
): Promise<SbomImportResult> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  if (!can(actor, 'inventory.import', { organisationId }))
    throw new DomainError('FORBIDDEN', 'You may not import SBOMs in this organisation.');
  await mkdir(deps.spoolDir, { recursive: true });
  const path = join(deps.spoolDir, `sbom-${randomUUID()}`);
  try {
    await pipeline(Readable.from(input.file.content), createWriteStream(path));
    if (input.file.truncated())
      throw new DomainError('PAYLOAD_TOO_LARGE', `${input.file.fileName}: larger than the import limit.`, [
        {
          file: input.file.fileName,
          reason: `larger than ${deps.maxBytes} bytes (IMPORT_MAX_BYTES)`,
          code: 'file_too_large',
          params: { limit: deps.maxBytes },
        },
      ]);
    const target = await input.readTarget();
    return await importSbom(deps, {
      actor: input.actor,
      file: path,
      fileName: input.file.fileName,
      target,
      ...(input.context && { context: input.context }),
    }).catch((error: unknown) => {
      throw namedAsUploaded(error, path, input.file.fileName);
    });
  } finally {
    await rm(path, { force: true });
  }
}

/** Problems located in the spooled copy name the uploaded file instead: the server's paths stay private. */
function namedAsUploaded(error: unknown, path: string, fileName: string): unknown {
  if (!isDomainError(error)) return error;
  return new DomainError(
    error.code,
    error.message.replaceAll(path, fileName),
    error.details.map((detail) => (detail.file === path ? { ...detail, file: fileName } : detail)),
    error.extensions,
  );
}
