import type { Catalog } from '../../core/catalog/catalog.types';
import type { Database } from '../../db/database';
import type { EvidenceStore } from '../../integrations/evidence/evidence-store';

/** What the evidence use cases need: the database, the file store and its limit, the catalog (to check items). */
export interface EvidenceDeps {
  readonly database: Database;
  readonly clock: () => Date;
  readonly catalog: Catalog;
  readonly evidenceStore: EvidenceStore;
  /** EVIDENCE_MAX_BYTES: the largest file an upload may carry. */
  readonly evidenceMaxBytes: number;
}
