/**
 * Postings collected while articles are added, kept compact: a hundred thousand articles make some
 * forty million (term, article) pairs, which as JavaScript arrays of numbers take gigabytes. Here
 * each pair is a few bytes of variable-length numbers, appended to its term's chain of small blocks
 * in a shared byte pool (a new block when the term's last one is full, so a rare word wastes at
 * most one block, a common word's list is never copied to grow), and terms are numbered so the
 * per-term bookkeeping lives in typed arrays too.
 *
 * A posting is: the position's distance from the term's previous one (zigzag, so an article added
 * out of order still fits), then the text count times two plus one if the headline has the term,
 * then, if it does, the headline count less one. Pure: no I/O.
 */

/** Bytes per block: small enough that the last, half-empty block of each rare word costs little. */
const BLOCK_BYTES = 32;
/** Blocks per chunk of the pool (1 MiB): the pool grows by chunks, never by copying. */
const CHUNK_BLOCKS = 32_768;
/** Bytes per chunk of the pool: a restored pool comes in chunks of this size (the last one partly used). */
export const POOL_CHUNK_BYTES = CHUNK_BLOCKS * BLOCK_BYTES;
/** Bytes per block of the pool: the pool's used bytes are its block count times this. */
export const POOL_BLOCK_BYTES = BLOCK_BYTES;
const NO_BLOCK = -1;

/** One term's postings in position order, in arrays of the same length. */
export interface TermPostings {
  positions: Int32Array;
  headlineCounts: Int32Array;
  textCounts: Int32Array;
}

/**
 * Everything an accumulator holds, as it holds it: what a snapshot saves (see
 * search-index-snapshot.ts). The per-term arrays hold one entry per term, `nextBlock` one per block;
 * `pool` is every chunk of POOL_CHUNK_BYTES, the last one holding the rest of `blocks` blocks.
 */
export interface PostingAccumulatorState {
  terms: readonly string[];
  firstBlock: Int32Array;
  lastBlock: Int32Array;
  lastBlockUsed: Int32Array;
  lastPosition: Int32Array;
  counts: Int32Array;
  unordered: Uint8Array;
  nextBlock: Int32Array;
  blocks: number;
  pool: readonly Uint8Array[];
}

/** `array` itself if it has `length` entries, else a copy of its first `length` (zeros past its end). */
function exactly(array: Int32Array, length: number): Int32Array<ArrayBuffer> {
  if (array.length === length && array.buffer instanceof ArrayBuffer) return array as Int32Array<ArrayBuffer>;
  const copy = new Int32Array(length);
  copy.set(array.subarray(0, length));
  return copy;
}

function grown(array: Int32Array<ArrayBuffer>, needed: number, fill = 0): Int32Array<ArrayBuffer> {
  if (needed <= array.length) return array;
  const next = new Int32Array(Math.max(needed, array.length * 2));
  next.set(array);
  if (fill !== 0) next.fill(fill, array.length);
  return next;
}

export class PostingAccumulator {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  /** By term id: first and last block, bytes used in the last block, last position, postings, and whether positions came out of order. */
  private firstBlock = new Int32Array(1024);
  private lastBlock = new Int32Array(1024);
  private lastBlockUsed = new Int32Array(1024);
  private lastPosition = new Int32Array(1024);
  private counts = new Int32Array(1024);
  private unordered = new Uint8Array(1024);
  /** By block: the block that continues it, or NO_BLOCK. */
  private nextBlock = new Int32Array(CHUNK_BLOCKS).fill(NO_BLOCK);
  private readonly chunks: Uint8Array[] = [];
  private blocks = 0;
  /** Reused by `readShared`: one term's chain of bytes, and its decoded postings. */
  private chainScratch = new Uint8Array(4096);
  private shared: TermPostings = { positions: new Int32Array(1024), headlineCounts: new Int32Array(1024), textCounts: new Int32Array(1024) };

  /**
   * The accumulator's state as views of its own memory, not copies: read it before adding anything
   * more. Restoring it (`fromState`) gives an accumulator that reads and grows exactly as this one.
   */
  state(): PostingAccumulatorState {
    const terms = this.terms.length;
    return {
      terms: this.terms,
      firstBlock: this.firstBlock.subarray(0, terms),
      lastBlock: this.lastBlock.subarray(0, terms),
      lastBlockUsed: this.lastBlockUsed.subarray(0, terms),
      lastPosition: this.lastPosition.subarray(0, terms),
      counts: this.counts.subarray(0, terms),
      unordered: this.unordered.subarray(0, terms),
      nextBlock: this.nextBlock.subarray(0, this.blocks),
      blocks: this.blocks,
      pool: this.chunks.slice(0, Math.ceil(this.blocks / CHUNK_BLOCKS)),
    };
  }

  /**
   * An accumulator that continues from `state`, taking ownership of its arrays. Throws if the state
   * does not hang together (a term twice, a block outside the pool, arrays of the wrong length):
   * a damaged state must never become a silently wrong index.
   */
  static fromState(state: PostingAccumulatorState): PostingAccumulator {
    const terms = state.terms.length;
    const { blocks } = state;
    const fail = (why: string): never => {
      throw new Error(`the postings state is inconsistent: ${why}`);
    };
    for (const [name, array] of Object.entries({ firstBlock: state.firstBlock, lastBlock: state.lastBlock, lastBlockUsed: state.lastBlockUsed, lastPosition: state.lastPosition, counts: state.counts, unordered: state.unordered })) {
      if (array.length < terms) fail(`${name} holds ${array.length} of ${terms} terms`);
    }
    if (state.nextBlock.length < blocks) fail(`nextBlock holds ${state.nextBlock.length} of ${blocks} blocks`);
    if (state.pool.length !== Math.ceil(blocks / CHUNK_BLOCKS) || state.pool.some((chunk) => chunk.length !== POOL_CHUNK_BYTES)) fail('the pool is not whole chunks for its blocks');
    for (let id = 0; id < terms; id += 1) {
      const first = state.firstBlock[id] ?? NO_BLOCK;
      const last = state.lastBlock[id] ?? NO_BLOCK;
      const used = state.lastBlockUsed[id] ?? -1;
      if (first < 0 || first >= blocks || last < 0 || last >= blocks || used < 0 || used > BLOCK_BYTES || (state.counts[id] ?? -1) < 0) fail(`term ${id} points outside the pool`);
    }
    for (let block = 0; block < blocks; block += 1) {
      const next = state.nextBlock[block] ?? NO_BLOCK;
      if (next !== NO_BLOCK && (next <= block || next >= blocks)) fail(`block ${block} continues outside the pool`);
    }
    const accumulator = new PostingAccumulator();
    for (let id = 0; id < terms; id += 1) {
      const term = state.terms[id] ?? '';
      accumulator.terms.push(term);
      accumulator.ids.set(term, id);
    }
    if (accumulator.ids.size !== terms) fail('a term is listed twice');
    // The per-term arrays grow together (see newTerm), so they must start at one length.
    const size = Math.max(terms, 1);
    accumulator.firstBlock = exactly(state.firstBlock, size);
    accumulator.lastBlock = exactly(state.lastBlock, size);
    accumulator.lastBlockUsed = exactly(state.lastBlockUsed, size);
    accumulator.lastPosition = exactly(state.lastPosition, size);
    accumulator.counts = exactly(state.counts, size);
    const unordered = new Uint8Array(size);
    unordered.set(state.unordered.subarray(0, terms));
    accumulator.unordered = unordered;
    accumulator.nextBlock = grown(exactly(state.nextBlock, Math.max(blocks, 1)), blocks + 1, NO_BLOCK);
    for (const chunk of state.pool) accumulator.chunks.push(chunk);
    accumulator.blocks = blocks;
    return accumulator;
  }

  /**
   * A new accumulator with every posting moved to `newPosition[position]`, and dropped where that
   * is negative (or missing); a term left with no posting is dropped too. The kept positions must
   * stay in order, so each term's list stays sorted. Reads every posting once: a few seconds at
   * 100,000 articles, against a minute to tokenize them again.
   */
  remapped(newPosition: ArrayLike<number>): PostingAccumulator {
    const moved = new PostingAccumulator();
    for (const term of this.terms) {
      const { positions, headlineCounts, textCounts } = this.readShared(term);
      let id = -1;
      for (let index = 0; index < positions.length; index += 1) {
        const position = newPosition[positions[index] ?? 0] ?? -1;
        if (position < 0) continue;
        if (id < 0) id = moved.termId(term);
        moved.addById(id, position, headlineCounts[index] ?? 0, textCounts[index] ?? 0);
      }
    }
    return moved;
  }

  /** Every term added so far, in the order first seen. */
  termList(): readonly string[] {
    return this.terms;
  }

  /** The number of `term`, given when it is first seen: a caller that keeps it adds postings without a lookup by string. */
  termId(term: string): number {
    return this.ids.get(term) ?? this.newTerm(term);
  }

  /** Records that the article at `position` has `term` this many times in its headline and text. */
  add(term: string, position: number, headlineCount: number, textCount: number): void {
    this.addById(this.termId(term), position, headlineCount, textCount);
  }

  /** `add`, for a term by its number (see `termId`). */
  addById(id: number, position: number, headlineCount: number, textCount: number): void {
    const previous = this.lastPosition[id] ?? -1;
    if (position <= previous) this.unordered[id] = 1;
    const distance = position - previous;
    this.write(id, distance >= 0 ? distance * 2 : -distance * 2 - 1);
    this.write(id, textCount * 2 + (headlineCount > 0 ? 1 : 0));
    if (headlineCount > 0) this.write(id, headlineCount - 1);
    this.lastPosition[id] = position;
    this.counts[id] = (this.counts[id] ?? 0) + 1;
  }

  /** The postings of `term` sorted by position (stable, as added, for a position added twice). */
  read(term: string): TermPostings {
    const { positions, headlineCounts, textCounts } = this.readShared(term);
    return { positions: positions.slice(), headlineCounts: headlineCounts.slice(), textCounts: textCounts.slice() };
  }

  /**
   * `read`, into arrays the accumulator reuses: valid until the next call. Scoring reads every
   * term once (forty million postings at 100,000 articles), so it neither allocates per term nor
   * copies blocks through views, and decodes in one loop with no closure.
   */
  readShared(term: string): TermPostings {
    const id = this.ids.get(term);
    const count = id === undefined ? 0 : (this.counts[id] ?? 0);
    if (count > this.shared.positions.length) {
      const size = Math.max(count, this.shared.positions.length * 2);
      this.shared = { positions: new Int32Array(size), headlineCounts: new Int32Array(size), textCounts: new Int32Array(size) };
    }
    const postings: TermPostings = { positions: this.shared.positions.subarray(0, count), headlineCounts: this.shared.headlineCounts.subarray(0, count), textCounts: this.shared.textCounts.subarray(0, count) };
    if (id === undefined || count === 0) return postings;
    const bytes = this.chainBytesOf(id);
    const { positions, headlineCounts, textCounts } = postings;
    let at = 0;
    let position = -1;
    for (let index = 0; index < count; index += 1) {
      // Three variable-length numbers (see `write`); most fit one byte, so that case goes first.
      let byte = bytes[at++] ?? 0;
      let distance = byte & 127;
      for (let scale = 128; byte & 128; scale *= 128) {
        byte = bytes[at++] ?? 0;
        distance += (byte & 127) * scale;
      }
      position += distance % 2 === 0 ? distance / 2 : -(distance + 1) / 2;
      byte = bytes[at++] ?? 0;
      let text = byte & 127;
      for (let scale = 128; byte & 128; scale *= 128) {
        byte = bytes[at++] ?? 0;
        text += (byte & 127) * scale;
      }
      positions[index] = position;
      textCounts[index] = Math.floor(text / 2);
      if (text % 2 === 1) {
        byte = bytes[at++] ?? 0;
        let headline = byte & 127;
        for (let scale = 128; byte & 128; scale *= 128) {
          byte = bytes[at++] ?? 0;
          headline += (byte & 127) * scale;
        }
        headlineCounts[index] = headline + 1;
      } else headlineCounts[index] = 0;
    }
    return this.unordered[id] ? sortedByPosition(postings) : postings;
  }

  /** Term `id`'s chain of blocks copied into one reused array, so its numbers can be read in one plain loop. */
  private chainBytesOf(id: number): Uint8Array {
    let bytes = this.chainScratch;
    let filled = 0;
    for (let block = this.firstBlock[id] ?? NO_BLOCK; block !== NO_BLOCK; ) {
      const next = this.nextBlock[block] ?? NO_BLOCK;
      const take = next === NO_BLOCK ? (this.lastBlockUsed[id] ?? 0) : BLOCK_BYTES;
      if (filled + take > bytes.length) {
        const larger = new Uint8Array(bytes.length * 2);
        larger.set(bytes);
        bytes = this.chainScratch = larger;
      }
      const chunk = this.chunks[Math.floor(block / CHUNK_BLOCKS)] ?? bytes;
      const start = (block % CHUNK_BLOCKS) * BLOCK_BYTES;
      for (let offset = 0; offset < take; offset += 1) bytes[filled + offset] = chunk[start + offset] ?? 0;
      filled += take;
      block = next;
    }
    return bytes;
  }

  private newTerm(term: string): number {
    const id = this.terms.length;
    this.terms.push(term);
    this.ids.set(term, id);
    const needed = id + 1;
    if (needed > this.firstBlock.length) {
      this.firstBlock = grown(this.firstBlock, needed);
      this.lastBlock = grown(this.lastBlock, needed);
      this.lastBlockUsed = grown(this.lastBlockUsed, needed);
      this.lastPosition = grown(this.lastPosition, needed);
      this.counts = grown(this.counts, needed);
      const unordered = new Uint8Array(this.firstBlock.length);
      unordered.set(this.unordered);
      this.unordered = unordered;
    }
    const block = this.newBlock();
    this.firstBlock[id] = block;
    this.lastBlock[id] = block;
    this.lastBlockUsed[id] = 0;
    this.lastPosition[id] = -1;
    this.counts[id] = 0;
    this.unordered[id] = 0;
    return id;
  }

  private newBlock(): number {
    const block = this.blocks;
    this.blocks += 1;
    if (block >= this.chunks.length * CHUNK_BLOCKS) this.chunks.push(new Uint8Array(CHUNK_BLOCKS * BLOCK_BYTES));
    this.nextBlock = grown(this.nextBlock, this.blocks, NO_BLOCK);
    this.nextBlock[block] = NO_BLOCK;
    return block;
  }

  /** Appends a non-negative whole number, seven bits a byte, low bits first. */
  private write(id: number, value: number): void {
    let rest = value;
    for (;;) {
      const low = rest % 128;
      rest = Math.floor(rest / 128);
      this.writeByte(id, rest > 0 ? low | 128 : low);
      if (rest === 0) return;
    }
  }

  private writeByte(id: number, byte: number): void {
    let block = this.lastBlock[id] ?? 0;
    let used = this.lastBlockUsed[id] ?? 0;
    if (used === BLOCK_BYTES) {
      const next = this.newBlock();
      this.nextBlock[block] = next;
      this.lastBlock[id] = next;
      block = next;
      used = 0;
    }
    const chunk = this.chunks[Math.floor(block / CHUNK_BLOCKS)];
    if (chunk) chunk[(block % CHUNK_BLOCKS) * BLOCK_BYTES + used] = byte;
    this.lastBlockUsed[id] = used + 1;
  }
}

/** The same postings ordered by position; a stable sort, so a position added twice keeps its order. */
function sortedByPosition(postings: TermPostings): TermPostings {
  const order = Array.from(postings.positions.keys()).sort((a, b) => (postings.positions[a] ?? 0) - (postings.positions[b] ?? 0));
  return {
    positions: Int32Array.from(order, (index) => postings.positions[index] ?? 0),
    headlineCounts: Int32Array.from(order, (index) => postings.headlineCounts[index] ?? 0),
    textCounts: Int32Array.from(order, (index) => postings.textCounts[index] ?? 0),
  };
}
