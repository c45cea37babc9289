import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus, readSeedsFolder } from './seed-articles-plugin.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/seeds');

const temporaryDirs: string[] = [];
function temporaryDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-seeds-'));
  temporaryDirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('readSeedsFolder', () => {
  it('reads the bytes of every .txt file and nothing else', () => {
    const { files, unreadable } = readSeedsFolder(FIXTURES);
    expect(unreadable).toEqual([]);
    expect(files.map((f) => f.name).sort()).toEqual([
      '01-utf8-bom.txt',
      '02-crlf.txt',
      '03-lone-cr.txt',
      '04-blank-lines.txt',
      '05-surrounding-whitespace.txt',
      '06-windows-1252.txt',
      '07-utf16le.txt',
      '08-utf16be.txt',
      '09-empty.txt',
      '10-whitespace-only.txt',
      '11-headline-only.txt',
      '12-trailing-boilerplate.txt',
      '13-rtl.txt',
      '14-only-boilerplate.txt',
      '15-binary.txt',
      '16-control-chars.txt',
    ]);
    const bom = files.find((f) => f.name === '01-utf8-bom.txt');
    expect([...(bom?.bytes.subarray(0, 3) ?? [])]).toEqual([0xef, 0xbb, 0xbf]);
    expect(files.find((f) => f.name === '09-empty.txt')?.bytes.length).toBe(0);
  });

  it('skips a folder whose name ends in .txt', () => {
    const dir = temporaryDir();
    mkdirSync(path.join(dir, 'folder.txt'));
    writeFileSync(path.join(dir, 'real.txt'), 'Headline\nBody.');
    expect(readSeedsFolder(dir).files.map((f) => f.name)).toEqual(['real.txt']);
  });

  it('reports a missing folder instead of throwing', () => {
    const { files, unreadable } = readSeedsFolder(path.join(ROOT, 'tests/fixtures/no-such-folder'));
    expect(files).toEqual([]);
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0]?.file).toBe('');
    expect(unreadable[0]?.message).toMatch(/^cannot read the seeds folder \(ENOENT/);
  });
});

describe('loadCorpus', () => {
  it('builds the fixture folder into articles, skipped files and warnings', () => {
    const corpus = loadCorpus(FIXTURES);
    expect(corpus.articles).toHaveLength(11);
    expect(corpus.articles.map((a) => a.id)[0]).toBe('01-utf8-bom');
    expect(corpus.articles.map((a) => a.id).at(-1)).toBe('16-control-chars');
    expect(corpus.skipped.map((s) => s.file)).toEqual([
      '09-empty.txt',
      '10-whitespace-only.txt',
      '11-headline-only.txt',
      '14-only-boilerplate.txt',
      '15-binary.txt',
    ]);
    expect(corpus.warnings.map((w) => w.file)).toEqual(['06-windows-1252.txt', '16-control-chars.txt', '08-utf16be.txt']);
  });

  it('never lists notes.md or other non-.txt files', () => {
    const corpus = loadCorpus(FIXTURES);
    const mentioned = [...corpus.articles.map((a) => a.id), ...corpus.skipped.map((s) => s.file), ...corpus.warnings.map((w) => w.file)];
    expect(mentioned.filter((name) => name.includes('notes') || name.startsWith('.'))).toEqual([]);
  });

  it('turns a missing folder into a skipped entry, not a throw', () => {
    const corpus = loadCorpus(path.join(ROOT, 'tests/fixtures/no-such-folder'));
    expect(corpus.articles).toEqual([]);
    expect(corpus.warnings).toEqual([]);
    expect(corpus.skipped).toHaveLength(1);
    expect(corpus.skipped[0]?.message).toMatch(/^cannot read the seeds folder/);
  });

  it('gives an empty corpus for an empty folder', () => {
    expect(loadCorpus(temporaryDir())).toEqual({ articles: [], skipped: [], warnings: [] });
  });

  it('builds the real project seed without problems', () => {
    const corpus = loadCorpus(path.join(ROOT, 'seeds'));
    const name = '000_5e039f83c282c0c8';
    expect([...corpus.skipped, ...corpus.warnings].filter((p) => p.file === `${name}.txt`)).toEqual([]);
    const article = corpus.articles.find((a) => a.id === name);
    expect(article?.slug).toBe('us-led-coalition-members-suspend-iraq-operations-as-region-submerged-in-outrage');
    expect(article?.paragraphs).toHaveLength(7);
  });
});
