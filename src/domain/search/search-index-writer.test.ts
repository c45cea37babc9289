import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateSeeds } from '../../../tests/tools/make-corpus.ts';
import { buildCorpus } from '../articles/build-corpus.ts';
import { SEARCH_DIRECTORY_FILE } from './search-index-format.ts';
import { SearchIndexWriter, type SearchIndexWriterOptions } from './search-index-writer.ts';

const encoder = new TextEncoder();
const articles = buildCorpus(generateSeeds(400, 5).map(({ name, text }) => ({ name, bytes: encoder.encode(text) }))).articles;

function digestOf(files: Iterable<[string, string]>): { count: number; digest: string } {
  const hash = createHash('sha256');
  let count = 0;
  for (const [path, json] of files) {
    hash.update(path).update('\0').update(json).update('\0');
    count += 1;
  }
  return { count, digest: hash.digest('hex') };
}

function written(options: SearchIndexWriterOptions, order: readonly number[]): { count: number; digest: string } {
  const writer = new SearchIndexWriter(options);
  for (const position of order) writer.add(articles[position]!, position);
  return digestOf(writer.finish().files);
}

const inOrder = articles.map((_, position) => position);

describe('search index writer', () => {
  // Digests of the files, in the order made, that the writer gave when it kept every posting as
  // arrays of numbers: the compact writer must write the same bytes, or readers of the format, the
  // data folder's hash and the relevance figures would all move.
  it('writes the same files, byte for byte and in the same order, as the writer that kept arrays', () => {
    expect(written({}, inOrder)).toEqual({ count: 180, digest: '47b9848bad04b5ada9ab0120c4c93ef64d6701832cf55391dcb474c6e5161320' });
  });

  it('writes the same files with small shards, across hundreds of shard boundaries', () => {
    expect(written({ postingsShardChars: 500, dictionaryShardTerms: 50 }, inOrder)).toEqual({ count: 1888, digest: 'c7a591d70b712d961ab59c22fe8baabd9df7c6def04d7a2a5c2ac62482dbd901' });
  });

  it('writes the same files whatever order the articles are added in', () => {
    const shuffled = [...inOrder].sort((a, b) => ((a * 7919) % 401) - ((b * 7919) % 401));
    expect(shuffled).not.toEqual(inOrder);
    expect(written({}, shuffled)).toEqual(written({}, inOrder));
  });

  it('makes the files as they are taken, the directory last, and takes no article once finished', () => {
    const writer = new SearchIndexWriter();
    writer.add(articles[0]!, 0);
    const files = writer.finish().files[Symbol.iterator]();
    expect(() => writer.add(articles[1]!, 1)).toThrow(/finished/);
    const paths: string[] = [];
    for (let next = files.next(); !next.done; next = files.next()) paths.push(next.value[0]);
    expect(paths.at(-1)).toBe(SEARCH_DIRECTORY_FILE);
    expect(paths).toContain('search/p0.json');
  });
});
