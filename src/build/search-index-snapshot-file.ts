import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { SearchIndexWriter, type SearchIndexWriterOptions } from '../domain/search/search-index-writer.ts';

/**
 * The search index writer's snapshot (see search-index-snapshot.ts) on disk. The build cache keeps
 * the file's SHA-256 in its record: the snapshot's own checksum catches a damaged file, the digest
 * catches a sound file that is not the one the record was written with.
 */

/** Read a piece at a time into one buffer: the file is some 230 MiB at 100,000 articles. */
const READ_BYTES = 16 * 2 ** 20;

export interface SavedSearchSnapshot {
  file: string;
  /** SHA-256 of the file's bytes, hex. */
  digest: string;
  bytes: number;
}

/**
 * Writes `chunks` to `file` through a temporary file in the same folder, renamed into place when
 * whole: a build that dies half way leaves no half snapshot under the name.
 */
export function saveSearchSnapshot(file: string, chunks: Iterable<Uint8Array>): SavedSearchSnapshot {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}-${threadId}.tmp`;
  const hash = createHash('sha256');
  let bytes = 0;
  const handle = openSync(temporary, 'w');
  try {
    for (const chunk of chunks) {
      for (let written = 0; written < chunk.length; ) written += writeSync(handle, chunk, written);
      hash.update(chunk);
      bytes += chunk.length;
    }
    closeSync(handle);
    renameSync(temporary, file);
  } catch (error) {
    try {
      closeSync(handle);
    } catch {
      // Already closed: the rename failed.
    }
    rmSync(temporary, { force: true });
    throw error;
  }
  return { file, digest: hash.digest('hex'), bytes };
}

/** The file's bytes a piece at a time, each piece also fed to `hash`. */
function* fileChunks(file: string, hash: ReturnType<typeof createHash>): Generator<Uint8Array> {
  const handle = openSync(file, 'r');
  try {
    const buffer = new Uint8Array(READ_BYTES);
    for (;;) {
      const read = readSync(handle, buffer, 0, buffer.length, null);
      if (read === 0) return;
      const piece = buffer.subarray(0, read);
      hash.update(piece);
      yield piece;
    }
  } finally {
    closeSync(handle);
  }
}

/**
 * A writer restored from the snapshot in `file`, read once: hashed as it is restored. Throws, saying
 * why, if the file cannot be read, its SHA-256 is not `digest`, or the snapshot is refused.
 */
export function loadSearchSnapshot(file: string, digest: string, options: SearchIndexWriterOptions = {}): SearchIndexWriter {
  const hash = createHash('sha256');
  const chunks = fileChunks(file, hash);
  let writer: SearchIndexWriter;
  try {
    writer = SearchIndexWriter.restore(chunks, options);
  } finally {
    // Closes the file when restoring stopped before its end.
    chunks.return(undefined);
  }
  const actual = hash.digest('hex');
  if (actual !== digest) throw new Error(`the search index snapshot's SHA-256 is ${actual}, not the ${digest} the build cache recorded`);
  return writer;
}
