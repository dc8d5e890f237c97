import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

/**
 * Writes a file (a CLI `-o FILE`, a job's result) so that FILE is either the complete new content or untouched:
 * the bytes go to a temporary file beside it, are flushed to disk, and replace FILE by a rename.
 * A failure (a full disk, a report that throws half-way) removes the temporary file and leaves an
 * existing FILE as it was.
 */
export async function writeFileAtomically(
  file: string,
  content: string | Uint8Array | ((destination: Writable) => Promise<void>),
): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.${randomUUID()}.tmp`);
  try {
    const stream = createWriteStream(temporary, { flags: 'wx' });
    const done = finished(stream);
    if (typeof content === 'function') await content(stream);
    else stream.write(content);
    stream.end();
    await done;
    const handle = await open(temporary, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
