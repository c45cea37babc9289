import { POOL_BLOCK_BYTES, POOL_CHUNK_BYTES, type PostingAccumulatorState } from './posting-accumulator.ts';

/**
 * The search index writer's collected state as bytes, so that a rebuild which only appends articles
 * restores the state of the last build and adds the new ones instead of tokenizing every article
 * again. The state is mostly typed arrays (at 100,000 articles some 230 MiB, nearly all of it the
 * postings' byte pool), so they are written raw, in the platform's byte order, and read back with
 * one copy each; the header says which byte order, and a reader on the other order refuses.
 *
 *   header   64 bytes: magic, format version, byte-order mark, the counts that size every section,
 *            and a checksum of the header itself (so a damaged count never sizes an allocation)
 *   sections term lengths (u32), terms (UTF-16 code units), the five per-term i32 arrays, the
 *            per-term out-of-order flags (u8), each block's next block (i32), each position's
 *            length (i32), then the byte pool; each padded with zeros to 16 bytes
 *   trailer  16 bytes: the checksum of every section
 *
 * The checksum is in the format, not left to the caller: whoever restores gets an error for a
 * damaged snapshot, never a silently wrong index. It is a cheap one (four lanes of multiply-xor
 * over 32-bit words, about a tenth of a second at 230 MiB): each lane is a bijection of its word,
 * so any change within one word is always caught, and wider damage slips through with odds of
 * 2^-128. It guards against accidents, not forgery; a build cache that must tie a snapshot to its
 * record (and be sure it is that build's file) compares a cryptographic digest of the file too.
 *
 * Pure: produces and consumes chunks of bytes; the caller does the I/O.
 */

/** Raised on a snapshot this code cannot use; the message says why. */
export class SearchSnapshotError extends Error {
  override name = 'SearchSnapshotError';
}

/** Bumped whenever the layout below or the meaning of the state changes. */
export const SEARCH_SNAPSHOT_VERSION = 1;

/** What a snapshot holds: the accumulator's state, each position's length, and the document count. */
export interface SearchWriterState {
  postings: PostingAccumulatorState;
  lengths: Int32Array;
  documents: number;
}

const MAGIC = 'BSSEARCH';
const HEADER_BYTES = 64;
const TRAILER_BYTES = 16;
const ALIGN = 16;
/** Written as a native u32: read back little-endian, it says which byte order wrote the file. */
const BYTE_ORDER_MARK = 0x01020304;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/** Header fields, as u32 offsets. */
const FIELD = { version: 2, byteOrder: 3, terms: 4, termUnits: 5, blocks: 6, documents: 7, checksum: 12 } as const;

const paddedLength = (bytes: number): number => Math.ceil(bytes / ALIGN) * ALIGN;

/**
 * Four lanes of 32-bit words, word i into lane i % 4: x → rotl(imul(x ^ word, odd), 13) is a
 * bijection of the word for any x, so one changed word always changes the result.
 */
class WordChecksum {
  private lanes = new Int32Array([0x6a09e667, -0x4498517b, 0x3c6ef372, -0x5ab00ac6]);

  /** Adds `bytes`, which start on a 4-byte boundary and are a whole number of 16-byte groups. */
  update(bytes: Uint8Array): void {
    const words = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    let [a, b, c, d] = this.lanes as unknown as [number, number, number, number];
    for (let index = 0; index < words.length; index += 4) {
      a = Math.imul(a ^ (words[index] as number), -0x61c88647);
      a = (a << 13) | (a >>> 19);
      b = Math.imul(b ^ (words[index + 1] as number), -0x7a143589);
      b = (b << 13) | (b >>> 19);
      c = Math.imul(c ^ (words[index + 2] as number), 0x27d4eb2f);
      c = (c << 13) | (c >>> 19);
      d = Math.imul(d ^ (words[index + 3] as number), 0x165667b1);
      d = (d << 13) | (d >>> 19);
    }
    this.lanes = new Int32Array([a, b, c, d]);
  }

  digest(): Int32Array {
    return this.lanes.slice();
  }
}

const bytesOf = (array: ArrayBufferView): Uint8Array => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

/** A copy of `bytes` padded with zeros to the alignment, or `bytes` itself if already aligned (and on a word boundary). */
function padded(bytes: Uint8Array): Uint8Array {
  if (bytes.byteLength % ALIGN === 0 && bytes.byteOffset % 4 === 0) return bytes;
  const copy = new Uint8Array(paddedLength(bytes.byteLength));
  copy.set(bytes);
  return copy;
}

function termUnits(terms: readonly string[]): { lengths: Uint32Array; units: Uint16Array } {
  const lengths = new Uint32Array(terms.length);
  let total = 0;
  terms.forEach((term, index) => {
    lengths[index] = term.length;
    total += term.length;
  });
  const units = new Uint16Array(total);
  let at = 0;
  for (const term of terms) for (let index = 0; index < term.length; index += 1, at += 1) units[at] = term.charCodeAt(index);
  return { lengths, units };
}

/**
 * The snapshot of `state` as chunks of bytes, written in order. The large chunks are views of the
 * state's own memory: write each before the writer changes (before adding another article).
 */
export function* encodeSearchSnapshot(state: SearchWriterState): Generator<Uint8Array> {
  const { postings, documents } = state;
  const { lengths: termLengths, units } = termUnits(postings.terms);
  const header = new Uint32Array(HEADER_BYTES / 4);
  const headerBytes = bytesOf(header);
  headerBytes.set(Array.from(MAGIC, (character) => character.charCodeAt(0)));
  header[FIELD.version] = SEARCH_SNAPSHOT_VERSION;
  header[FIELD.byteOrder] = BYTE_ORDER_MARK;
  header[FIELD.terms] = postings.terms.length;
  header[FIELD.termUnits] = units.length;
  header[FIELD.blocks] = postings.blocks;
  header[FIELD.documents] = documents;
  const headerChecksum = new WordChecksum();
  headerChecksum.update(headerBytes.subarray(0, FIELD.checksum * 4));
  header.set(headerChecksum.digest(), FIELD.checksum);
  yield headerBytes;

  const checksum = new WordChecksum();
  const sections: ArrayBufferView[] = [
    termLengths,
    units,
    postings.firstBlock,
    postings.lastBlock,
    postings.lastBlockUsed,
    postings.lastPosition,
    postings.counts,
    postings.unordered,
    postings.nextBlock,
    state.lengths.subarray(0, documents),
  ];
  for (const section of sections) {
    const bytes = padded(bytesOf(section));
    checksum.update(bytes);
    yield bytes;
  }
  let poolBytes = postings.blocks * POOL_BLOCK_BYTES;
  for (const chunk of postings.pool) {
    const used = chunk.subarray(0, Math.min(poolBytes, chunk.length));
    poolBytes -= used.length;
    checksum.update(used);
    yield used;
  }
  yield bytesOf(checksum.digest());
}

/** Pulls exact byte counts out of chunks of any size; each chunk is done with before the next is asked for. */
class ChunkReader {
  private chunk: Uint8Array = new Uint8Array(0);
  private at = 0;
  private readonly chunks: Iterator<Uint8Array>;

  constructor(chunks: Iterable<Uint8Array>) {
    this.chunks = chunks[Symbol.iterator]();
  }

  fill(target: Uint8Array): void {
    let filled = 0;
    while (filled < target.length) {
      if (this.at === this.chunk.length) {
        const next = this.chunks.next();
        if (next.done) throw new SearchSnapshotError('the search index snapshot is truncated');
        this.chunk = next.value;
        this.at = 0;
        continue;
      }
      const take = Math.min(target.length - filled, this.chunk.length - this.at);
      target.set(this.chunk.subarray(this.at, this.at + take), filled);
      filled += take;
      this.at += take;
    }
  }

  /** Throws unless every chunk has been read. */
  expectEnd(): void {
    while (this.at === this.chunk.length) {
      const next = this.chunks.next();
      if (next.done) return;
      this.chunk = next.value;
      this.at = 0;
    }
    throw new SearchSnapshotError('the search index snapshot has bytes past its end');
  }
}

/** Reads the header; throws, saying why, for anything but a sound header of this version in this byte order. */
function readHeader(reader: ChunkReader): { terms: number; termUnits: number; blocks: number; documents: number } {
  const header = new Uint32Array(HEADER_BYTES / 4);
  const bytes = bytesOf(header);
  reader.fill(bytes);
  if (String.fromCharCode(...bytes.subarray(0, MAGIC.length)) !== MAGIC) throw new SearchSnapshotError('this is not a search index snapshot');
  const view = new DataView(header.buffer);
  const mark = view.getUint32(FIELD.byteOrder * 4, true);
  const fileLittleEndian = mark === BYTE_ORDER_MARK;
  if (!fileLittleEndian && mark !== 0x04030201) throw new SearchSnapshotError('the search index snapshot has no byte-order mark');
  const version = view.getUint32(FIELD.version * 4, fileLittleEndian);
  if (version !== SEARCH_SNAPSHOT_VERSION) throw new SearchSnapshotError(`the search index snapshot is format version ${version}; this build reads version ${SEARCH_SNAPSHOT_VERSION}`);
  if (fileLittleEndian !== LITTLE_ENDIAN) throw new SearchSnapshotError(`the search index snapshot was written on a ${fileLittleEndian ? 'little' : 'big'}-endian machine; this one is not`);
  const checksum = new WordChecksum();
  checksum.update(bytes.subarray(0, FIELD.checksum * 4));
  if (!sameWords(checksum.digest(), header.subarray(FIELD.checksum))) throw new SearchSnapshotError('the search index snapshot header is corrupt (checksum mismatch)');
  return { terms: header[FIELD.terms] ?? 0, termUnits: header[FIELD.termUnits] ?? 0, blocks: header[FIELD.blocks] ?? 0, documents: header[FIELD.documents] ?? 0 };
}

const sameWords = (a: ArrayLike<number>, b: ArrayLike<number>): boolean => a.length === b.length && Array.from(a).every((word, index) => (word | 0) === ((b[index] ?? 0) | 0));

function termsOf(lengths: Uint32Array, units: Uint16Array): string[] {
  // One string of every code unit (exact even for a lone surrogate), then cut: a few thousand calls, not one per term.
  const SLICE = 8_192;
  const parts: string[] = [];
  for (let at = 0; at < units.length; at += SLICE) parts.push(String.fromCharCode(...units.subarray(at, at + SLICE)));
  const all = parts.join('');
  const terms: string[] = new Array<string>(lengths.length);
  let at = 0;
  for (let index = 0; index < lengths.length; index += 1) {
    const length = lengths[index] ?? 0;
    terms[index] = all.slice(at, at + length);
    at += length;
  }
  if (at !== units.length) throw new SearchSnapshotError('the search index snapshot is corrupt (term lengths do not add up)');
  return terms;
}

/**
 * The state saved by `encodeSearchSnapshot`, read from its chunks (of any size; one buffer may be
 * reused for every chunk). Throws SearchSnapshotError, saying why, for a snapshot that is
 * truncated, has bytes past its end, fails its checksum, or is of another version or byte order.
 */
export function decodeSearchSnapshot(chunks: Iterable<Uint8Array>): SearchWriterState {
  const reader = new ChunkReader(chunks);
  const { terms, termUnits: unitCount, blocks, documents } = readHeader(reader);
  const checksum = new WordChecksum();
  /** A section of `count` items read into a new array of `make`'s kind, its padding included. */
  const section = <T extends ArrayBufferView>(make: (items: number) => T, count: number, itemBytes: number): T => {
    const array = make(paddedLength(count * itemBytes) / itemBytes);
    const bytes = bytesOf(array);
    reader.fill(bytes);
    checksum.update(bytes);
    return array;
  };
  const int32 = (count: number) => section((items) => new Int32Array(items), count, 4);
  const termLengths = section((items) => new Uint32Array(items), terms, 4);
  const units = section((items) => new Uint16Array(items), unitCount, 2);
  const firstBlock = int32(terms);
  const lastBlock = int32(terms);
  const lastBlockUsed = int32(terms);
  const lastPosition = int32(terms);
  const counts = int32(terms);
  const unordered = section((items) => new Uint8Array(items), terms, 1);
  const nextBlock = int32(blocks);
  const lengths = int32(documents);
  const pool: Uint8Array[] = [];
  for (let poolBytes = blocks * POOL_BLOCK_BYTES; poolBytes > 0; poolBytes -= POOL_CHUNK_BYTES) {
    const chunk = new Uint8Array(POOL_CHUNK_BYTES);
    const used = chunk.subarray(0, Math.min(poolBytes, POOL_CHUNK_BYTES));
    reader.fill(used);
    checksum.update(used);
    pool.push(chunk);
  }
  const trailer = new Int32Array(TRAILER_BYTES / 4);
  reader.fill(bytesOf(trailer));
  reader.expectEnd();
  if (!sameWords(checksum.digest(), trailer)) throw new SearchSnapshotError('the search index snapshot is corrupt (checksum mismatch)');
  return {
    postings: {
      terms: termsOf(termLengths.subarray(0, terms), units.subarray(0, unitCount)),
      firstBlock,
      lastBlock,
      lastBlockUsed,
      lastPosition,
      counts,
      unordered,
      nextBlock,
      blocks,
      pool,
    },
    lengths,
    documents,
  };
}
