import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateSeeds } from '../../../tests/tools/make-corpus.ts';
import type { Article } from '../articles/article.ts';
import { buildCorpus } from '../articles/build-corpus.ts';
import { SEARCH_SNAPSHOT_VERSION, SearchSnapshotError } from './search-index-snapshot.ts';
import { SearchIndexWriter, type SearchIndexWriterOptions } from './search-index-writer.ts';

type Indexed = Pick<Article, 'headline' | 'paragraphs'>;

const encoder = new TextEncoder();
const generated: Indexed[] = buildCorpus(generateSeeds(160, 11).map(({ name, text }) => ({ name, bytes: encoder.encode(text) }))).articles;
/** A term only in a headline, scripts beyond Latin, a lone surrogate, an empty article, a compatibility form that folds to two terms. */
const handmade: Indexed[] = [
  { headline: 'Zeppelin', paragraphs: ['The museum stays open.'] },
  { headline: 'مرحبا بالعالم', paragraphs: ['Ελληνικά κείμενα και 日本語のテキスト, Ünïcödé.'] },
  { headline: '', paragraphs: [''] },
  { headline: 'Broken \uD800 surrogate', paragraphs: ['ﬁve ㎒ signals, the museum again.'] },
  { headline: 'Zeppelin returns', paragraphs: ['Ελληνικά again, 日本語 too.'] },
];

function digestOf(writer: SearchIndexWriter): string {
  const hash = createHash('sha256');
  for (const [path, json] of writer.finish().files) hash.update(path).update('\0').update(json).update('\0');
  return hash.digest('hex');
}

function fresh(articles: readonly Indexed[], options: SearchIndexWriterOptions = {}): SearchIndexWriter {
  const writer = new SearchIndexWriter(options);
  articles.forEach((article, position) => writer.add(article, position));
  return writer;
}

/** The snapshot's chunks copied into one array: they are views of the writer's memory. */
function bytesOf(writer: SearchIndexWriter): Uint8Array {
  const chunks = [...writer.snapshot()].map((chunk) => chunk.slice());
  const bytes = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** `bytes` cut into pieces of `size`, handed out in one reused buffer, as a file reader would. */
function* inPieces(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  const buffer = new Uint8Array(size);
  for (let at = 0; at < bytes.length; at += size) {
    const piece = bytes.subarray(at, at + size);
    buffer.set(piece);
    yield buffer.subarray(0, piece.length);
  }
}

function restoredThenAppended(articles: readonly Indexed[], split: number, options: SearchIndexWriterOptions = {}, pieceSize = 4_096): SearchIndexWriter {
  const snapshot = bytesOf(fresh(articles.slice(0, split), options));
  const writer = SearchIndexWriter.restore(inPieces(snapshot, pieceSize), options);
  expect(writer.documentCount).toBe(split);
  for (let position = split; position < articles.length; position += 1) writer.add(articles[position]!, position);
  return writer;
}

const flipped = (bytes: Uint8Array, at: number): Uint8Array => {
  const copy = bytes.slice();
  copy[at] = (copy[at] ?? 0) ^ 0x10;
  return copy;
};

// Each case indexes a collection a few times over: generous on a shared, busy machine.
describe('search index snapshot', { timeout: 30_000 }, () => {
  it.each([
    ['generated', generated, [0, 1, 80, 159, 160]],
    ['handmade', handmade, [0, 1, 2, 3, 4, 5]],
  ] as const)('restored from the first articles and given the rest, writes the same files as a fresh writer (%s)', (_, articles, splits) => {
    const expected = digestOf(fresh(articles));
    for (const split of splits) expect(digestOf(restoredThenAppended(articles, split)), `split at ${split}`).toBe(expected);
  });

  it('writes the same files with small shards, whatever size of pieces the snapshot is read in', () => {
    const options = { postingsShardChars: 500, dictionaryShardTerms: 50 };
    const expected = digestOf(fresh(generated, options));
    for (const pieceSize of [1, 7, 65_536, 1 << 24]) expect(digestOf(restoredThenAppended(generated, 70, options, pieceSize)), `pieces of ${pieceSize}`).toBe(expected);
  });

  it('keeps positions added out of order, and more positions than a fresh writer first allocates', () => {
    const many = Array.from({ length: 1_500 }, (_, position) => handmade[position % handmade.length]!);
    const order = many.map((_, position) => position).sort((a, b) => ((a * 7919) % 1_501) - ((b * 7919) % 1_501));
    const writer = new SearchIndexWriter();
    for (const position of order.slice(0, 1_000)) writer.add(many[position]!, position);
    const restored = SearchIndexWriter.restore([bytesOf(writer)]);
    for (const position of order.slice(1_000)) restored.add(many[position]!, position);
    expect(digestOf(restored)).toBe(digestOf(fresh(many)));
  });

  it('snapshots a restored writer again, and that snapshot restores too', () => {
    const first = SearchIndexWriter.restore([bytesOf(fresh(generated.slice(0, 50)))]);
    for (let position = 50; position < 110; position += 1) first.add(generated[position]!, position);
    const second = SearchIndexWriter.restore([bytesOf(first)]);
    for (let position = 110; position < generated.length; position += 1) second.add(generated[position]!, position);
    expect(digestOf(second)).toBe(digestOf(fresh(generated)));
  });

  describe('restored, with articles removed, edited or inserted, writes the same files as a fresh writer', () => {
    const before = [...generated.slice(0, 60), ...handmade];
    const restored = () => SearchIndexWriter.restore([bytesOf(fresh(before))]);
    const moves = (rule: (position: number) => number) => Int32Array.from(before, (_, position) => rule(position));

    it.each([0, 31, before.length - 1])('removed at %i', (removed) => {
      const writer = restored();
      writer.movePositions(moves((position) => (position < removed ? position : position === removed ? -1 : position - 1)));
      expect(digestOf(writer)).toBe(digestOf(fresh(before.filter((_, position) => position !== removed))));
    });

    it.each([0, 31, before.length - 1])('edited at %i', (edited) => {
      const writer = restored();
      writer.movePositions(moves((position) => (position === edited ? -1 : position)));
      writer.add(handmade[3]!, edited);
      expect(digestOf(writer)).toBe(digestOf(fresh(before.map((article, position) => (position === edited ? handmade[3]! : article)))));
    });

    it('inserted in two places and appended, with one removed', () => {
      // Old 0–9 stay, one goes in at 10, old 10–19 move up one, old 20 goes, another comes in at 21, the rest move up one, two more at the end.
      const writer = restored();
      writer.movePositions(moves((position) => (position < 10 ? position : position < 20 ? position + 1 : position === 20 ? -1 : position + 1)));
      const after = [...before.slice(0, 10), handmade[1]!, ...before.slice(10, 20), handmade[0]!, ...before.slice(21), handmade[4]!, handmade[2]!];
      for (const position of [10, 21, before.length + 1, before.length + 2]) writer.add(after[position]!, position);
      expect(writer.documentCount).toBe(after.length);
      expect(digestOf(writer)).toBe(digestOf(fresh(after)));
    });

    it('keeps nothing if every article goes, and refuses to reorder them', () => {
      const emptied = restored();
      emptied.movePositions([]);
      expect(emptied.documentCount).toBe(0);
      expect(digestOf(emptied)).toBe(digestOf(new SearchIndexWriter()));
      expect(() => restored().movePositions(moves((position) => (position === 5 ? 3 : position)))).toThrow(/keep their order/);
    });
  });

  it('refuses a snapshot once the writer is finished', () => {
    const writer = fresh(handmade);
    writer.finish();
    expect(() => writer.snapshot()).toThrow(/finished/);
  });

  describe('refuses, saying why, a snapshot it cannot trust', () => {
    const snapshot = bytesOf(fresh(generated));
    const restore = (bytes: Uint8Array) => () => SearchIndexWriter.restore([bytes]);

    it('that is truncated, anywhere, or has bytes past its end', () => {
      for (const length of [0, 10, 64, 100, snapshot.length >> 1, snapshot.length - 1]) expect(restore(snapshot.subarray(0, length)), `cut at ${length}`).toThrow(/truncated/);
      const longer = new Uint8Array(snapshot.length + 1);
      longer.set(snapshot);
      expect(restore(longer)).toThrow(/past its end/);
    });

    it('with a bit flipped in its header, terms, tables, byte pool or checksum', () => {
      for (const at of [20, 30, 70, 1_000, snapshot.length >> 2, snapshot.length >> 1, snapshot.length - 200, snapshot.length - 1]) {
        expect(restore(flipped(snapshot, at)), `flipped at ${at}`).toThrow(SearchSnapshotError);
        expect(restore(flipped(snapshot, at)), `flipped at ${at}`).toThrow(/corrupt/);
      }
    });

    it('of another format version, or that is no snapshot at all', () => {
      const other = snapshot.slice();
      new DataView(other.buffer).setUint32(8, SEARCH_SNAPSHOT_VERSION + 1, true);
      expect(restore(other)).toThrow(`format version ${SEARCH_SNAPSHOT_VERSION + 1}; this build reads version ${SEARCH_SNAPSHOT_VERSION}`);
      expect(restore(encoder.encode('{"version":1,"documents":3}'.padEnd(200)))).toThrow(/not a search index snapshot/);
    });

    it('written in the other byte order', () => {
      const swapped = snapshot.slice();
      const view = new DataView(swapped.buffer);
      view.setUint32(8, SEARCH_SNAPSHOT_VERSION, false);
      view.setUint32(12, 0x01020304, false);
      expect(restore(swapped)).toThrow(/big-endian/);
    });
  });
});
