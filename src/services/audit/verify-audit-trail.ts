import type { Kysely } from 'kysely';
import { auditChainKey, verifyChain, type ChainVerification } from '../../core/audit/audit-chain';
import { listAuditChainKeys, readAuditChain, readAuditChainHead } from '../../db/audit.repository';
import type { Database, DatabaseSchema } from '../../db/database';

/** The verdict on one chain: '' is the installation-wide chain, any other key an organisation id. */
export interface AuditChainReport {
  readonly chainKey: string;
  readonly result: ChainVerification;
}

/**
 * Verifies one organisation's chain (null: the installation-wide one), or every chain when no
 * organisation is given, and reports each chain's first broken link. Never throws for a broken chain:
 * the edge decides what a break means (exit code, alert).
 */
export async function verifyAuditTrail(
  deps: { database: Database },
  options: { organisationId?: string | null } = {},
): Promise<AuditChainReport[]> {
  const { db } = deps.database;
  const chainKeys =
    options.organisationId === undefined ? await listAuditChainKeys(db) : [auditChainKey(options.organisationId)];
  const reports: AuditChainReport[] = [];
  for (const chainKey of chainKeys) reports.push({ chainKey, result: await verifyOneChain(db, chainKey) });
  return reports;
}

async function verifyOneChain(db: Kysely<DatabaseSchema>, chainKey: string): Promise<ChainVerification> {
  // Entries and head must come from one snapshot: an append committed between two separate reads
  // would look like an inserted entry or a head mismatch. SQLite's transactions are snapshots anyway.
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (transaction) => {
      const head = await readAuditChainHead(transaction, chainKey);
      const entries = await readAuditChain(transaction, chainKey);
      return verifyChain(entries, head);
    });
}
