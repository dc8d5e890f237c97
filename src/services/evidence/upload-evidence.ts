import { randomUUID } from 'node:crypto';
import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import { checkDays } from '../../core/evidence/evidence-dates';
import { acceptEvidenceContent, cleanFileName, evidenceTooLarge } from '../../core/evidence/evidence-content';
import type { EvidenceSupport } from '../../core/evidence/evidence.types';
import {
  countEvidenceWithContent,
  insertEvidence,
  insertEvidenceLink,
  type EvidenceRecord,
} from '../../db/evidence.repository';
import { requireOrganisation } from '../accounts/require-user';
import { requireAssessment, requireAssessmentItem } from '../assessment-scope/require-assessment-item';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../auth/account-deps';
import type { EvidenceDeps } from './evidence-deps';
import { toEvidenceView, type EvidenceView } from './evidence-view';

/** The file of an upload as the edge receives it. */
export interface IncomingEvidenceFile {
  /** The bytes, read once. */
  readonly content: AsyncIterable<Uint8Array | string>;
  /** The name the client gave. Shown and offered on download; it never decides the type (except among text formats). */
  readonly fileName: string;
  /** True when the edge cut the bytes at its size limit (multipart does, at EVIDENCE_MAX_BYTES). */
  readonly truncated: () => boolean;
}

/** What the form says about the file; the link (assessmentId + itemId) is optional. */
export interface EvidenceFileDetails {
  readonly title?: string;
  readonly evidenceDate?: string;
  readonly validUntil?: string;
  readonly assessmentId?: string;
  readonly itemId?: string;
}

export interface UploadEvidenceInput {
  readonly actor: Actor;
  readonly file: IncomingEvidenceFile;
  /**
   * The form's other fields. Called only after the file was read, because a multipart form may
   * send fields after the file; may throw VALIDATION_FAILED.
   */
  readonly details: () => Promise<EvidenceFileDetails>;
  readonly context?: RequestContext;
}

/**
 * Takes in an evidence file: streams it to the store (hashing it), sniffs its type from the
 * bytes, and records it, optionally linked to an answer, with its audit entry in one transaction.
 * Over the size limit (413), of a refused type, with bad fields or a bad link, nothing is stored:
 * no row and no file.
 */
export async function uploadEvidence(deps: EvidenceDeps, input: UploadEvidenceInput): Promise<EvidenceView> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const staged = await deps.evidenceStore.stage(input.file.content, { maxBytes: deps.evidenceMaxBytes });
  try {
    if (input.file.truncated()) throw evidenceTooLarge(deps.evidenceMaxBytes);
    const details = await input.details();
    const fileName = cleanFileName(input.file.fileName);
    const mediaType = acceptEvidenceContent(staged.content, fileName, staged.sizeBytes);
    checkDays({ evidenceDate: details.evidenceDate, validUntil: details.validUntil });
    const support = await resolveSupport(deps, organisationId, details);
    const title = details.title?.trim() || fileName;
    const now = deps.clock();
    const record: EvidenceRecord = {
      id: randomUUID(),
      organisationId,
      kind: 'file',
      title,
      evidenceDate: details.evidenceDate ?? null,
      validUntil: details.validUntil ?? null,
      sha256: staged.sha256,
      mediaType,
      sizeBytes: staged.sizeBytes,
      originalName: fileName,
      url: null,
      body: null,
      createdAt: now.toISOString(),
      createdBy: actor.userId || null,
    };
    const db = deps.database.db;
    await deps.evidenceStore.withContentLock(staged.sha256, async () => {
      try {
        await db.transaction().execute(async (transaction) => {
          await insertEvidence(transaction, record);
          if (support)
            await insertEvidenceLink(transaction, {
              ...support,
              organisationId,
              evidenceId: record.id,
              linkedAt: record.createdAt,
              linkedBy: record.createdBy,
            });
          await recordAudit(transaction, actor, input.context, now, {
            organisationId,
            action: 'evidence.create',
            targetType: 'evidence',
            targetId: record.id,
            after: {
              kind: 'file',
              title,
              sha256: staged.sha256,
              mediaType,
              sizeBytes: staged.sizeBytes,
              supports: support ? [support] : [],
            },
          });
          // Last inside the transaction: if the rename fails the row rolls back.
          await staged.commit();
        });
      } catch (error) {
        // The commit itself failed after the file was put in place: keep no file that no row needs.
        if ((await countEvidenceWithContent(db, staged.sha256)) === 0) await deps.evidenceStore.remove(staged.sha256);
        throw error;
      }
    });
    return toEvidenceView(record, support ? [support] : []);
  } finally {
    await staged.discard();
  }
}

async function resolveSupport(
  deps: EvidenceDeps,
  organisationId: string,
  details: EvidenceFileDetails,
): Promise<EvidenceSupport | undefined> {
  const { assessmentId, itemId } = details;
  if (assessmentId === undefined && itemId === undefined) return undefined;
  if (assessmentId === undefined || itemId === undefined) {
    const missing = assessmentId === undefined ? 'assessmentId' : 'itemId';
    throw new DomainError('VALIDATION_FAILED', 'To link the file to an answer, give both assessmentId and itemId.', [
      { field: missing, reason: 'is required with the other' },
    ]);
  }
  const assessment = await requireAssessment(deps.database, organisationId, assessmentId, 'change-evidence-links');
  requireAssessmentItem(deps.catalog, assessment, itemId, 'field');
  return { assessmentId, itemId };
}
