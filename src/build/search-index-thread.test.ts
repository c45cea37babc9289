import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCorpus } from '../domain/articles/build-corpus.ts';
import { buildSearchFiles } from '../domain/search/search-index-writer.ts';
import { listSeeds } from './seed-scan.ts';
import { startSearchIndexThread } from './search-index-thread.ts';

const dirs: string[] = [];
const temporaryDir = (prefix: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('startSearchIndexThread', () => {
  it('writes, from its own thread, the same index as building in memory, skipping the seeds the scan skips', { timeout: 30_000 }, async () => {
    const seedsDir = temporaryDir('broadsheet-search-seeds-');
    const texts: Record<string, string> = {
      'a.txt': 'Harbour museum stays open\nThe council voted to keep the zeppelin museum open.',
      'b.txt': '',
      'c.txt': 'Headline only',
      'd.txt': 'Rail strike ends\nTrains run again on every line from Monday.',
      'e.txt': 'Museum of rail\nA new museum opens by the harbour.',
    };
    for (const [name, text] of Object.entries(texts)) writeFileSync(path.join(seedsDir, name), text);
    const outDir = temporaryDir('broadsheet-search-out-');

    const thread = startSearchIndexThread({ seedsDir, names: listSeeds(seedsDir).names });
    expect(await thread.indexed).toBe(3);
    const written = await thread.write(outDir, 'data/abc/');

    const names = readdirSync(seedsDir).sort();
    const expected = buildSearchFiles(buildCorpus(names.map((name) => ({ name, bytes: readFileSync(path.join(seedsDir, name)) }))).articles).files;
    expect(new Set(written.map(([file]) => file))).toEqual(new Set([...expected.keys()].map((file) => `data/abc/${file}`)));
    for (const [file, json] of expected) expect(readFileSync(path.join(outDir, 'data/abc', file), 'utf8'), file).toBe(json);
    for (const [file, bytes] of written) expect(bytes).toBe(Buffer.byteLength(readFileSync(path.join(outDir, file), 'utf8')));
  });
});
