import { randomUUID } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

/**
 * Writes a file (a CLI `-o FILE`, a job's result) so that FILE is either the complete new content or untouched:
 * the bytes go to a temporary file beside it, are flushed to disk, and replace FILE by a rename.
 * A failure (a full disk, a report that throws half-way) removes the temporary file and leaves an
 * existing FILE as it was.
 *
 * The temporary file is opened before anything is written, and on failure the stream is closed before
 * the file is removed: a stream that opened lazily could otherwise create it after the cleanup ran.
 */
export async function writeFileAtomically(
  file: string,
  content: string | Uint8Array | ((destination: Writable) => Promise<void>),
): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.${randomUUID()}.tmp`);
  const stream = (await open(temporary, 'wx')).createWriteStream();
  const closed = finished(stream);
  closed.catch(() => undefined); // awaited below; a failure before then is handled there
  try {
    if (typeof content === 'function') await content(stream);
    else stream.write(content);
    stream.end();
    await closed;
    const handle = await open(temporary, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    stream.destroy();
    await closed.catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
}
