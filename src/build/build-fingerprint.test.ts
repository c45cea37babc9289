import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { codeFingerprint, dataDirName } from './build-fingerprint.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'broadsheet-fingerprint-'));
  dirs.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('codeFingerprint', () => {
  it('changes with the code that lays out the data, not with its tests', () => {
    const base = { 'src/build/a.ts': 'export const a = 1;', 'src/build/a.test.ts': 'test' };
    const same = codeFingerprint(project(base), ['src/build']);
    expect(codeFingerprint(project(base), ['src/build'])).toBe(same);
    expect(codeFingerprint(project({ ...base, 'src/build/a.test.ts': 'another test' }), ['src/build'])).toBe(same);
    expect(codeFingerprint(project({ ...base, 'src/build/a.ts': 'export const a = 2;' }), ['src/build'])).not.toBe(same);
    expect(codeFingerprint(project({ ...base, 'src/build/b.ts': '' }), ['src/build'])).not.toBe(same);
  });

  it('builds a checkout without one of the folders', () => {
    expect(codeFingerprint(project({ 'src/build/a.ts': '' }), ['src/build', 'src/missing'])).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('dataDirName', () => {
  it('names the data folder from both the seeds and the code', () => {
    const name = dataDirName('seeds-1', 'code-1');
    expect(name).toMatch(/^data\/[0-9a-f]{10}\/$/);
    expect(dataDirName('seeds-1', 'code-1')).toBe(name);
    expect(dataDirName('seeds-2', 'code-1')).not.toBe(name);
    expect(dataDirName('seeds-1', 'code-2')).not.toBe(name);
  });
});
