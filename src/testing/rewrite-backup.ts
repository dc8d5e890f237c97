import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { extract, pack } from 'tar-stream';

/**
 * Rewrites a backup archive part by part and re-seals it (the manifest's sha256, sizes and row
 * counts follow the edits), so a test can hand restore a backup that is intact as an archive but
 * holds rows the database must refuse. `edit` returns the part's new bytes (or the same ones).
 */
export async function rewriteBackup(
  from: string,
  to: string,
  edit: (path: string, bytes: Buffer) => Buffer,
): Promise<void> {
  const parts: { path: string; bytes: Buffer }[] = [];
  const reader = extract();
  const done = new Promise<void>((resolve, reject) => {
    reader.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk) => chunks.push(chunk as Buffer));
      stream.on('end', () => {
        parts.push({ path: header.name, bytes: Buffer.concat(chunks) });
        next();
      });
    });
    reader.on('finish', resolve);
    reader.on('error', reject);
  });
  reader.end(gunzipSync(readFileSync(from)));
  await done;

  const edited = parts.map((part) => ({ path: part.path, bytes: edit(part.path, part.bytes) }));
  const manifestPart = edited.find((part) => part.path === 'manifest.json');
  if (!manifestPart) throw new Error('the backup has no manifest.json');
  const manifest = JSON.parse(manifestPart.bytes.toString('utf8')) as {
    tables: { name: string; rows: number }[];
    parts: Record<string, { sha256: string; bytes: number }>;
  };
  for (const part of edited) {
    if (part.path === 'manifest.json') continue;
    manifest.parts[part.path] = {
      sha256: createHash('sha256').update(part.bytes).digest('hex'),
      bytes: part.bytes.length,
    };
    const table = manifest.tables.find((candidate) => `tables/${candidate.name}.ndjson` === part.path);
    if (table)
      table.rows = part.bytes
        .toString('utf8')
        .split('\n')
        .filter((line) => line !== '').length;
  }
  manifestPart.bytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);

  const writer = pack();
  const chunks: Buffer[] = [];
  writer.on('data', (chunk) => chunks.push(chunk as Buffer));
  const packed = new Promise<void>((resolve, reject) => {
    writer.on('end', resolve);
    writer.on('error', reject);
  });
  for (const part of edited) writer.entry({ name: part.path, size: part.bytes.length }, part.bytes);
  writer.finalize();
  await packed;
  writeFileSync(to, gzipSync(Buffer.concat(chunks)));
}

/** Replaces line `row` (1-based) of an NDJSON part with what `change` makes of its object. */
export function editNdjsonRow(
  bytes: Buffer,
  row: number,
  change: (value: Record<string, unknown>) => Record<string, unknown>,
): Buffer {
  const lines = bytes.toString('utf8').split('\n');
  const value = JSON.parse(lines[row - 1]!) as Record<string, unknown>;
  lines[row - 1] = JSON.stringify(change(value));
  return Buffer.from(lines.join('\n'));
}
