/**
 * Tables that hold file bytes when EVIDENCE_STORE=postgres: they are the PostgreSQL evidence and
 * job file store, not data of their own. A backup copies the files they hold once, as the
 * `evidence/` and `jobs/` parts read through the store, never also as table rows; a restore puts
 * those parts into whichever store the target installation uses (local directory or PostgreSQL),
 * so a backup moves between the two both ways.
 */
export const FILE_STORE_TABLES: ReadonlySet<string> = new Set(['stored_file', 'stored_file_chunk']);
