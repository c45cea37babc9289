import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HOSTILE_SEEDS_DIR } from '../../tests/tools/make-hostile-seeds.ts';
import { formatCorpusReport } from '../domain/articles/build-corpus.ts';
import { loadCorpus } from './in-memory-corpus.ts';
import { seedArticles } from './seed-articles-plugin.ts';

/** The report every build prints, and STRICT_SEEDS turning a skipped seed into a failed build. */

const temporaryDirs: string[] = [];
function seedsFolder(files: Record<string, Uint8Array | string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-report-'));
  temporaryDirs.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}
afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Calls a plugin hook, plain or `{ handler }`, with a fake `this`. */
function callHook(hook: unknown, context: unknown, ...args: unknown[]): unknown {
  const handler = typeof hook === 'function' ? hook : (hook as { handler?: unknown } | undefined)?.handler;
  if (typeof handler !== 'function') throw new Error('the plugin has no such hook');
  return (handler as (...hookArgs: unknown[]) => unknown).apply(context, args);
}

/** Runs configResolved then buildStart as Vite would; this.error throws, as Rollup's does. */
function startBuild(seedsDir: string, strict?: boolean) {
  const logged = { info: [] as string[], warn: [] as string[] };
  const errors: string[] = [];
  const plugin = seedArticles(strict === undefined ? { seedsDir } : { seedsDir, strict });
  callHook(plugin.configResolved, {}, { logger: { info: (m: string) => logged.info.push(m), warn: (m: string) => logged.warn.push(m) } });
  let thrown: Error | undefined;
  try {
    callHook(plugin.buildStart, { error: (message: string) => { errors.push(message); throw new Error(message); } }, {});
  } catch (error) {
    thrown = error as Error;
  }
  return { logged, errors, thrown };
}

const HOSTILE_SKIPPED = [
  '01-empty.txt: empty file',
  '02-whitespace-only.txt: no text (only whitespace)',
  '03-headline-only.txt: headline only, no body',
  '04-png-image.txt: not a text file (binary data)',
  '06-many-control-bytes.txt: not a text file (binary data)',
  '10-utf16le-no-bom.txt: not a text file (binary data)',
];
const HOSTILE_WARNINGS = [
  '05-few-control-bytes.txt: removed 4 control characters',
  '07-invalid-utf8.txt: not valid UTF-8; read as Windows-1252',
  '11-long-headline.txt: headline is 2,000 characters; the list shows the first 200',
  '17-same-text-b.txt: same text as 16-same-text-a.txt',
  '19-same-headline-b.txt: same headline as 18-same-headline-a.txt; it gets its own address',
];

describe('formatCorpusReport over the hostile seeds', () => {
  const lines = formatCorpusReport(loadCorpus(HOSTILE_SEEDS_DIR)).split('\n');

  it('opens with the totals: 17 articles built, 6 files skipped, 5 warnings', () => {
    expect(lines[0]).toBe('seeds: 17 articles built; 6 files skipped; 5 warnings');
  });

  it('lists each skipped file as "  seeds/NAME: reason" under "Skipped:", in file-name order', () => {
    const start = lines.indexOf('Skipped:');
    expect(start).toBe(1);
    expect(lines.slice(start + 1, start + 1 + HOSTILE_SKIPPED.length)).toEqual(HOSTILE_SKIPPED.map((line) => `  seeds/${line}`));
  });

  it('lists each warning as "  seeds/NAME: message" under "Warnings:", after the skipped files', () => {
    expect(lines.indexOf('Warnings:')).toBe(2 + HOSTILE_SKIPPED.length);
    expect(lines.slice(lines.indexOf('Warnings:') + 1)).toEqual(HOSTILE_WARNINGS.map((line) => `  seeds/${line}`));
  });

  it('prints file names with spaces, #, %, ? and quotes exactly as they are', () => {
    const dir = seedsFolder({ 'a b #1 100%.txt': '', 'what? "really".txt': 'Only a headline' });
    expect(formatCorpusReport(loadCorpus(dir)).split('\n')).toEqual([
      'seeds: 0 articles built; 2 files skipped; 0 warnings',
      'Skipped:',
      '  seeds/a b #1 100%.txt: empty file',
      '  seeds/what? "really".txt: headline only, no body',
    ]);
  });
});

describe('seedArticles at buildStart', () => {
  it('warns the report once, labelled with the seeds folder name, when files are skipped or warned about', () => {
    const { logged, errors, thrown } = startBuild(HOSTILE_SEEDS_DIR);
    expect(thrown).toBeUndefined();
    expect(errors).toEqual([]);
    expect(logged.info).toEqual([]);
    expect(logged.warn).toEqual([formatCorpusReport(loadCorpus(HOSTILE_SEEDS_DIR), 'hostile-seeds')]);
    expect(logged.warn[0]).toContain('\n  hostile-seeds/04-png-image.txt: not a text file (binary data)\n');
  });

  it('logs a clean report as info, not as a warning', () => {
    const { logged } = startBuild(seedsFolder({ 'good.txt': 'Headline\nBody.' }));
    expect(logged.warn).toEqual([]);
    expect(logged.info).toHaveLength(1);
    expect(logged.info[0]).toMatch(/^broadsheet-report-\w+: 1 article built; 0 files skipped; 0 warnings$/);
  });

  it('with strict: true, fails the build through this.error when a seed is skipped, quoting the report', () => {
    const { errors, thrown } = startBuild(HOSTILE_SEEDS_DIR, true);
    const report = formatCorpusReport(loadCorpus(HOSTILE_SEEDS_DIR), 'hostile-seeds');
    expect(errors).toEqual([`STRICT_SEEDS is set and 6 seed file(s) were skipped:\n${report}`]);
    expect(thrown?.message).toBe(errors[0]);
    for (const line of HOSTILE_SKIPPED) expect(thrown?.message).toContain(`\n  hostile-seeds/${line}`);
  });

  it('without strict, builds the same folder: this.error is never called', () => {
    for (const strict of [undefined, false]) {
      const { errors, thrown } = startBuild(HOSTILE_SEEDS_DIR, strict);
      expect(errors).toEqual([]);
      expect(thrown).toBeUndefined();
    }
  });

  it('with strict: true, fails on a single empty file among good ones, naming it', () => {
    const dir = seedsFolder({ 'good.txt': 'Headline\nBody.', 'blank.txt': '' });
    const { errors } = startBuild(dir, true);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^STRICT_SEEDS is set and 1 seed file\(s\) were skipped:\n/);
    expect(errors[0]).toContain(`\n  ${path.basename(dir)}/blank.txt: empty file`);
  });

  it('with strict: true, does not fail on warnings alone (Windows-1252, duplicates)', () => {
    const dir = seedsFolder({
      'a.txt': 'Headline\nBody.',
      'b.txt': 'Headline\nBody.',
      'c.txt': Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x0a, 0x42, 0x6f, 0x64, 0x79]), // "Café\nBody" in Windows-1252
    });
    const { logged, errors, thrown } = startBuild(dir, true);
    expect(errors).toEqual([]);
    expect(thrown).toBeUndefined();
    expect(logged.warn).toHaveLength(1);
    expect(logged.warn[0]).toContain('/b.txt: same text as a.txt');
    expect(logged.warn[0]).toContain('/c.txt: not valid UTF-8; read as Windows-1252');
  });

  it('with strict: true, fails when the seeds folder cannot be read', () => {
    const { errors } = startBuild(path.join(HOSTILE_SEEDS_DIR, 'no-such-folder'), true);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/\n {2}no-such-folder: cannot read the seeds folder \(ENOENT/);
  });
});
