/** A file kept in the database (see migration 20261205-0003-stored-files). */
export interface StoredFileTable {
  id: string;
  area: string;
  /** NULL while the upload is staging; the sha256 or job id once committed. */
  name: string | null;
  /** bigint: pg returns it as a string. */
  size_bytes: number | string;
  created_at: string;
  touched_at: string;
}

/** Up to 256 KiB of a stored file's bytes; `seq` counts from 0. */
export interface StoredFileChunkTable {
  file_id: string;
  seq: number;
  data: Uint8Array;
}
