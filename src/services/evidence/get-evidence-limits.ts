import { ACCEPTED_EVIDENCE_EXTENSIONS } from '../../core/evidence/evidence-content';
import type { EvidenceLimits } from '../../contracts/evidence.schema';
import type { EvidenceDeps } from './evidence-deps';

/** The size limit and accepted file types of evidence uploads, for clients to state and check before sending. */
export function getEvidenceLimits(deps: Pick<EvidenceDeps, 'evidenceMaxBytes'>): EvidenceLimits {
  return { maxBytes: deps.evidenceMaxBytes, acceptedExtensions: [...ACCEPTED_EVIDENCE_EXTENSIONS] };
}
