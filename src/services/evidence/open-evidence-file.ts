import type { Readable } from 'node:stream';
import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import { findEvidence } from '../../db/evidence.repository';
import { requireOrganisation } from '../accounts/require-user';
import type { EvidenceDeps } from './evidence-deps';

/** A stored evidence file, opened for download. */
export interface EvidenceFile {
  readonly content: Readable;
  /** The type sniffed at upload (never the client's claim). */
  readonly mediaType: string;
  readonly sizeBytes: number;
  readonly fileName: string;
}

/**
 * Opens the file of one evidence of the organisation. NOT_FOUND for another organisation's
 * evidence and for links and texts; INTERNAL when the row's file is missing from the store.
 */
export async function openEvidenceFile(
  deps: Pick<EvidenceDeps, 'database' | 'evidenceStore'>,
  input: { actor: Actor; evidenceId: string },
): Promise<EvidenceFile> {
  const { organisationId } = requireOrganisation(input.actor);
  const record = await findEvidence(deps.database.db, organisationId, input.evidenceId);
  if (!record) throw new DomainError('NOT_FOUND', 'No such evidence.');
  if (record.kind !== 'file' || !record.sha256)
    throw new DomainError('NOT_FOUND', 'This evidence is a link or a text; it has no file.');
  const content = await deps.evidenceStore.open(record.sha256);
  if (!content)
    throw new DomainError(
      'INTERNAL',
      'The stored file of this evidence is missing; an administrator should check DATA_DIR/evidence.',
    );
  return {
    content,
    mediaType: record.mediaType ?? 'application/octet-stream',
    sizeBytes: record.sizeBytes ?? 0,
    fileName: record.originalName ?? record.title,
  };
}
