import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import {
  deleteEvidenceRecord,
  findEvidence,
  listAcceptedSupports,
  listSupports,
  type EvidenceRecord,
} from '../../db/evidence.repository';
import { requireOrganisation } from '../accounts/require-user';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../auth/account-deps';
import type { EvidenceDeps } from './evidence-deps';
import { releaseEvidenceFiles } from './release-evidence-files';

/**
 * Deletes one evidence and its links, audited (before: title, sha256, supports). Evidence behind
 * an accepted answer is refused with CONFLICT (listing those answers in `acceptedSupports`)
 * unless `confirm` is set. Its file leaves the store only when no other evidence row, in any
 * organisation, refers to the same content.
 */
export async function deleteEvidence(
  deps: Pick<EvidenceDeps, 'database' | 'clock' | 'evidenceStore'>,
  input: { actor: Actor; evidenceId: string; confirm: boolean; context?: RequestContext },
): Promise<void> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const now = deps.clock();
  const db = deps.database.db;
  const deleted: EvidenceRecord = await db.transaction().execute(async (transaction) => {
    const record = await findEvidence(transaction, organisationId, input.evidenceId);
    if (!record) throw new DomainError('NOT_FOUND', 'No such evidence.');
    const accepted = await listAcceptedSupports(transaction, organisationId, record.id);
    if (accepted.length > 0 && !input.confirm) {
      throw new DomainError(
        'CONFLICT',
        `This evidence supports ${accepted.length} accepted answer(s). Delete it anyway with confirm=true.`,
        [],
        { acceptedSupports: accepted },
      );
    }
    const supports = (await listSupports(transaction, organisationId, [record.id])).get(record.id) ?? [];
    await deleteEvidenceRecord(transaction, organisationId, record.id);
    await recordAudit(transaction, actor, input.context, now, {
      organisationId,
      action: 'evidence.delete',
      targetType: 'evidence',
      targetId: record.id,
      before: { kind: record.kind, title: record.title, sha256: record.sha256, supports },
      ...(accepted.length > 0 ? { after: { confirmed: true, acceptedSupports: accepted } } : {}),
    });
    return record;
  });
  await releaseEvidenceFiles(deps, [deleted.sha256]);
}
