import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatBytes, formatHostingReport, hostProblems, HOSTS, type HostLimits, type OutputStats } from './hosting-report.ts';
import { measureOutput, OutputTally } from './output-size.ts';

const host = (name: string): HostLimits => {
  const found = HOSTS.find((limits) => limits.name === name);
  if (!found) throw new Error(`no host ${name}`);
  return found;
};
const stats = (overrides: Partial<OutputStats> = {}): OutputStats => ({
  totalBytes: 12_000_000,
  files: 500,
  largestFile: { path: 'assets/index.js', bytes: 270_000 },
  fullestFolder: { path: 'article', entries: 480 },
  ...overrides,
});

describe('hostProblems', () => {
  it('finds nothing wrong with a small site anywhere', () => {
    for (const limits of HOSTS) expect(hostProblems(stats(), limits)).toEqual([]);
  });

  it('says by how much each limit is passed', () => {
    expect(hostProblems(stats({ files: 25_519 }), host('Cloudflare Pages (Free)'))).toEqual(['25,519 files is over its 20,000']);
    expect(hostProblems(stats({ totalBytes: 3_400_000_000 }), host('GitHub Pages'))).toEqual(['3.40 GB is over its 1.00 GB a site']);
    expect(hostProblems(stats({ largestFile: { path: 'data/x/search/index.json', bytes: 30 * 1024 * 1024 } }), host('Cloudflare Pages (paid)'))).toEqual([
      'data/x/search/index.json (31.5 MB) is over its 26.2 MB a file',
    ]);
    expect(hostProblems(stats({ fullestFolder: { path: 'article', entries: 100_000 } }), host('Netlify'))).toEqual(['article holds 100,000 entries, over its 54,000 a folder']);
  });

  it('takes a limit exactly reached as fitting', () => {
    expect(hostProblems(stats({ files: 20_000 }), host('Cloudflare Pages (Free)'))).toEqual([]);
    expect(hostProblems(stats({ totalBytes: 1_000_000_000 }), host('GitHub Pages'))).toEqual([]);
  });
});

describe('formatHostingReport', () => {
  it('prints the totals and a line per host, pointing to the README when one does not fit', () => {
    expect(formatHostingReport(stats({ files: 21_000 })).split('\n')).toEqual([
      'Output: 12.0 MB in 21,000 files',
      '  largest file: assets/index.js (270.0 kB)',
      '  fullest folder: article (480 entries)',
      'Fits:',
      '  yes GitHub Pages',
      '  no  Cloudflare Pages (Free)  21,000 files is over its 20,000',
      '  yes Cloudflare Pages (paid)',
      '  yes Netlify',
      '  yes Amazon S3',
      'A host with a file cap: see "Hosting a large collection" in the README (PRERENDER_LIMIT).',
    ]);
  });

  it('has no pointer when every host takes the site, and names the root folder in words', () => {
    const report = formatHostingReport(stats({ fullestFolder: { path: '', entries: 12 } }));
    expect(report).toContain('  fullest folder: (the root) (12 entries)');
    expect(report).not.toContain('README');
  });
});

describe('formatBytes', () => {
  it('uses decimal units, as the hosts state their limits', () => {
    expect([0, 999, 1000, 12_345, 1_000_000, 987_654_321, 3_400_000_000].map(formatBytes)).toEqual(['0 B', '999 B', '1.00 kB', '12.3 kB', '1.00 MB', '987.7 MB', '3.40 GB']);
  });
});

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('measureOutput', () => {
  it('counts every file in every folder, the largest file and the fullest folder', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-output-'));
    dirs.push(dir);
    mkdirSync(path.join(dir, 'article/a'), { recursive: true });
    mkdirSync(path.join(dir, 'article/b'), { recursive: true });
    mkdirSync(path.join(dir, 'article/c'), { recursive: true });
    writeFileSync(path.join(dir, 'index.html'), 'x'.repeat(10));
    writeFileSync(path.join(dir, 'article/a/index.html'), 'x'.repeat(300));
    writeFileSync(path.join(dir, 'article/b/index.html'), 'x'.repeat(20));
    expect(measureOutput(dir)).toEqual({ totalBytes: 330, files: 3, largestFile: { path: 'article/a/index.html', bytes: 300 }, fullestFolder: { path: 'article', entries: 3 } });
  });
});

describe('OutputTally', () => {
  it('counts files as written, and each folder’s entries (files and sub-folders) once', () => {
    const tally = new OutputTally();
    tally.add('data/x/article/a.json', 100);
    tally.add('data/x/article/b.json', 300);
    tally.add('data/x/list/file/0.json', 50);
    tally.add('article/a/index.html', 1000);
    tally.add('article/b/index.html', 10);
    tally.add('article/c/index.html', 10);
    expect(tally.stats()).toEqual({ totalBytes: 1470, files: 6, largestFile: { path: 'article/a/index.html', bytes: 1000 }, fullestFolder: { path: 'article', entries: 3 } });
  });

  it('adds to a walk that leaves the tallied folders out, giving what a full walk gives', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-output-'));
    dirs.push(dir);
    const tally = new OutputTally();
    const write = (file: string, content: string, tallied: boolean) => {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), content);
      if (tallied) tally.add(file, Buffer.byteLength(content));
    };
    write('index.html', 'home', false);
    write('assets/app.js', 'x'.repeat(50), false);
    for (const slug of ['a', 'b', 'c', 'd', 'e']) write(`article/${slug}/index.html`, `page ${slug}`, true);
    write('data/h/search/index.json', '{}', true);
    expect(measureOutput(dir, { folders: new Set(['article', 'data']), stats: tally.stats() })).toEqual(measureOutput(dir));
  });
});
