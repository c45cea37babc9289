import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../domain/articles/build-corpus.ts';
import { buildSearchFiles } from '../domain/search/search-index-writer.ts';
import { listSeeds } from './seed-scan.ts';
import { startSearchIndexThread } from './search-index-thread.ts';
import type { SearchWorkerInput } from './search-index-worker.ts';
import { temporaryFolders } from '../../tests/fixtures/temporary-folders.ts';

const temporaryDir = temporaryFolders();

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

/** Seeds 0..count-1 of a small news day, each with a word of its own and words they share. */
function writeSeeds(seedsDir: string, from: number, count: number): void {
  for (let index = from; index < count; index += 1) {
    const text = index % 4 === 3 ? '' : `Story ${index} uniqueword${index}\nThe harbour museum and the rail line, day ${index}. Ελληνικά ${index % 5}.`;
    writeFileSync(path.join(seedsDir, `${String(index).padStart(3, '0')}.txt`), text);
  }
}

/** Runs the thread over the folder's seeds; returns its article count, snapshot report, and files. */
async function indexed(seedsDir: string, options: Omit<SearchWorkerInput, 'seedsDir' | 'names'> = {}) {
  const outDir = temporaryDir('broadsheet-search-out-');
  const thread = startSearchIndexThread({ seedsDir, names: listSeeds(seedsDir).names, ...options });
  const articles = await thread.indexed;
  const report = await thread.snapshot;
  const written = await thread.write(outDir, 'data/x/');
  const files = new Map(written.map(([file]) => [file.slice('data/x/'.length), readFileSync(path.join(outDir, file), 'utf8')]));
  return { articles, report, files };
}

/** The index built in memory from every seed of the folder. */
function expectedFiles(seedsDir: string): Map<string, string> {
  const names = readdirSync(seedsDir).sort();
  return buildSearchFiles(buildCorpus(names.map((name) => ({ name, bytes: readFileSync(path.join(seedsDir, name)) }))).articles).files;
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('startSearchIndexThread with snapshots', () => {
  it('saves a snapshot, then starts from it and reads only the seeds added since, writing the same index as reading them all', { timeout: 60_000 }, async () => {
    const seedsDir = temporaryDir('broadsheet-search-seeds-');
    const cacheDir = temporaryDir('broadsheet-search-cache-');
    writeSeeds(seedsDir, 0, 30);
    const first = await indexed(seedsDir, { saveSnapshot: path.join(cacheDir, 'search.snapshot') });
    expect(first.articles).toBe(23);
    const saved = first.report.saved!;
    expect(saved).toEqual({ file: path.join(cacheDir, 'search.snapshot'), digest: sha256(saved.file), bytes: readFileSync(saved.file).length });
    expect(readdirSync(cacheDir)).toEqual(['search.snapshot']);

    writeSeeds(seedsDir, 30, 45);
    // A seed the snapshot holds, changed behind its back: a thread that read it again would index the change.
    const firstSeed = path.join(seedsDir, '000.txt');
    const original = readFileSync(firstSeed);
    writeFileSync(firstSeed, 'Changed behind the snapshot\nzzzunseen words');
    const second = await indexed(seedsDir, { snapshot: { file: saved.file, digest: saved.digest, names: 30 }, saveSnapshot: path.join(cacheDir, 'again.snapshot') });
    writeFileSync(firstSeed, original);
    expect(second.report).toMatchObject({ reusedNames: 30 });
    expect(second.report.rejected).toBeUndefined();
    expect(second.articles).toBe(34);
    expect(second.files).toEqual(expectedFiles(seedsDir));

    // The snapshot of a writer that began from a snapshot serves the next build as well.
    writeSeeds(seedsDir, 45, 50);
    const again = second.report.saved!;
    const third = await indexed(seedsDir, { snapshot: { file: again.file, digest: again.digest, names: 45 } });
    expect(third.report).toEqual({ reusedNames: 45 });
    expect(third.articles).toBe(38);
    expect(third.files).toEqual(expectedFiles(seedsDir));
  });

  it('starts from a snapshot after seeds were removed, edited and inserted among its own, reading only those', { timeout: 60_000 }, async () => {
    const seedsDir = temporaryDir('broadsheet-search-seeds-');
    const cacheDir = temporaryDir('broadsheet-search-cache-');
    writeSeeds(seedsDir, 0, 30);
    const before = listSeeds(seedsDir).names;
    // What the build cache would have recorded: the seed of each of the snapshot's articles.
    const articleSeeds = before.filter((name) => readFileSync(path.join(seedsDir, name)).length > 0);
    const { saved } = (await indexed(seedsDir, { saveSnapshot: path.join(cacheDir, 'search.snapshot') })).report;

    rmSync(path.join(seedsDir, '005.txt'));
    writeFileSync(path.join(seedsDir, '010.txt'), 'Edited story\nThe museum closes for the winter.');
    writeFileSync(path.join(seedsDir, '012a.txt'), 'Inserted story\nA zeppelin lands by the harbour.');
    writeSeeds(seedsDir, 30, 34);
    const after = listSeeds(seedsDir).names;
    const seeds = articleSeeds.map((name) => (name === '010.txt' ? -1 : after.indexOf(name)));
    expect(seeds.filter((seed) => seed === -1)).toHaveLength(2);

    // A kept seed changed behind the snapshot's back: a thread that read it again would index the change.
    const kept = path.join(seedsDir, '020.txt');
    const original = readFileSync(kept);
    writeFileSync(kept, 'Changed behind the snapshot\nzzzunseen words');
    const run = await indexed(seedsDir, { snapshot: { file: saved!.file, digest: saved!.digest, seeds } });
    writeFileSync(kept, original);
    expect(run.report).toEqual({ reusedNames: articleSeeds.length - 2 });
    expect(run.articles).toBe(26);
    expect(run.files).toEqual(expectedFiles(seedsDir));

    const wrongLength = await indexed(seedsDir, { snapshot: { file: saved!.file, digest: saved!.digest, seeds: seeds.slice(1) } });
    expect(wrongLength.report.rejected).toBe(`the snapshot holds ${articleSeeds.length} articles, but its list of seeds has ${articleSeeds.length - 1}`);
    const reordered = await indexed(seedsDir, { snapshot: { file: saved!.file, digest: saved!.digest, seeds: [seeds[1]!, seeds[0]!, ...seeds.slice(2)] } });
    expect(reordered.report.rejected).toMatch(/is not a seed after/);
    for (const rejected of [wrongLength, reordered]) expect(rejected.files).toEqual(run.files);
  });

  it('sets aside a snapshot that is missing, not the recorded one, or damaged, says why, and reads every seed', { timeout: 60_000 }, async () => {
    const seedsDir = temporaryDir('broadsheet-search-seeds-');
    const cacheDir = temporaryDir('broadsheet-search-cache-');
    writeSeeds(seedsDir, 0, 20);
    const { saved } = (await indexed(seedsDir, { saveSnapshot: path.join(cacheDir, 'search.snapshot') })).report;
    writeSeeds(seedsDir, 20, 28);
    const expected = expectedFiles(seedsDir);

    const damaged = path.join(cacheDir, 'damaged.snapshot');
    const bytes = readFileSync(saved!.file);
    bytes[bytes.length >> 1]! ^= 1;
    writeFileSync(damaged, bytes);
    const cases: [SearchWorkerInput['snapshot'], RegExp][] = [
      [{ file: path.join(cacheDir, 'absent.snapshot'), digest: saved!.digest, names: 20 }, /ENOENT/],
      [{ file: saved!.file, digest: '0'.repeat(64), names: 20 }, /SHA-256 is [0-9a-f]{64}, not the 0{64} the build cache recorded/],
      [{ file: damaged, digest: sha256(damaged), names: 20 }, /corrupt \(checksum mismatch\)/],
      [{ file: saved!.file, digest: saved!.digest, names: 40 }, /holds 40 seeds, but there are 28/],
    ];
    for (const [snapshot, why] of cases) {
      const run = await indexed(seedsDir, { snapshot });
      expect(run.report.reusedNames).toBe(0);
      expect(run.report.rejected).toMatch(why);
      expect(run.articles).toBe(21);
      expect(run.files).toEqual(expected);
    }
    expect(existsSync(path.join(cacheDir, 'absent.snapshot'))).toBe(false);
  });

  it('reports a snapshot it could not save, and still writes the index', { timeout: 30_000 }, async () => {
    const seedsDir = temporaryDir('broadsheet-search-seeds-');
    writeSeeds(seedsDir, 0, 8);
    const blocker = path.join(temporaryDir('broadsheet-search-cache-'), 'a-file');
    writeFileSync(blocker, '');
    const run = await indexed(seedsDir, { saveSnapshot: path.join(blocker, 'search.snapshot') });
    expect(run.report.saved).toBeUndefined();
    expect(run.report.saveFailed).toMatch(/EEXIST|ENOTDIR/);
    expect(run.files).toEqual(expectedFiles(seedsDir));
  });
});
