/**
 * Rows of the append-only audit trail (migration 20261122-0003). `chain_key` is the organisation id,
 * or '' for installation-wide events; each entry carries the hash of the previous one in its chain.
 */
export interface AuditEventTable {
  chain_key: string;
  seq: number;
  id: string;
  occurred_at: string;
  organisation_id: string | null;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  target_type: string;
  target_id: string;
  summary: string;
  request_id: string | null;
  client_address: string | null;
  prev_hash: string;
  hash: string;
}

/** The newest entry of each chain; updated in the same transaction as every append. */
export interface AuditChainHeadTable {
  chain_key: string;
  last_seq: number;
  last_hash: string;
}
