import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { text } from 'node:stream/consumers';
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { createSqliteTestDatabase, describeEachDialect } from '../../testing/test-database';
import { createPostgresJobFileStore } from './postgres-job-file-store';

/** A source of `megabytes` MiB, more than any pipe buffers, so a writer nobody reads from would wait. */
const bigSource = (megabytes: number): Readable =>
  Readable.from(
    (function* () {
      for (let index = 0; index < megabytes * 16; index += 1) yield Buffer.alloc(64 * 1024, index % 256);
    })(),
  );

describeEachDialect('the database job file store', (database) => {
  const storedFiles = async (): Promise<number> =>
    (await database().db.selectFrom('stored_file').select('id').execute()).length;

  it('stores a file streamed in chunks and names it only when complete', async () => {
    const store = createPostgresJobFileStore(database().db);
    const jobId = randomUUID();
    const saved = await store.save(jobId, (destination) => pipeline(bigSource(1), destination));
    expect(saved.bytes).toBe(1024 * 1024);
    const opened = await store.open(jobId);
    expect((await text(opened!)).length).toBe(1024 * 1024);
    await store.remove(jobId);
    expect(await store.open(jobId)).toBeUndefined();
  });

  it('refuses a writer that fails at once, before the store reads, without crashing or keeping a row', async () => {
    const store = createPostgresJobFileStore(database().db);
    const before = await storedFiles();
    const refused = store.save(randomUUID(), () => Promise.reject(new Error('report failed at once')));
    await expect(refused).rejects.toThrow('report failed at once');
    expect(await storedFiles()).toBe(before);
  });

  it('refuses a writer that fails half-way, keeping no partial file', async () => {
    const store = createPostgresJobFileStore(database().db);
    const before = await storedFiles();
    const jobId = randomUUID();
    const failing = Readable.from(
      (async function* () {
        yield* bigSource(1);
        throw new Error('report failed half-way');
      })(),
    );
    await expect(store.save(jobId, (destination) => pipeline(failing, destination))).rejects.toThrow(
      'report failed half-way',
    );
    expect(await storedFiles()).toBe(before);
    expect(await store.open(jobId)).toBeUndefined();
  });
});

it('stops the writer when the database fails before the first chunk, instead of leaving it waiting', async () => {
  const gone = await createSqliteTestDatabase();
  await gone.destroy();
  const store = createPostgresJobFileStore(gone.db);
  let writing: Promise<void> | undefined;
  // 8 MiB: far more than a pipe holds, so a writer nobody reads from would wait for ever, holding
  // its source (an upload's file handle) open.
  const saving = store.save(randomUUID(), (destination) => (writing = pipeline(bigSource(8), destination)));
  await expect(saving).rejects.toThrow();
  await expect(writing).rejects.toThrow();
});
