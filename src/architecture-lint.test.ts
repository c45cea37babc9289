import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const fixture = path.join(root, 'tests/fixtures/architecture');

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; message: string }[];
}

/** Runs the project's own ESLint config on the fixture tree, as `npm run lint` runs it on src/. */
async function lintFixture(): Promise<Map<string, string[]>> {
  const eslint = path.join(root, 'node_modules/eslint/bin/eslint.js');
  const args = [eslint, '--config', path.join(root, 'eslint.config.js'), '--no-ignore', '--format', 'json', 'src'];
  // ESLint exits 1 when it finds problems, which is what this test is after.
  const output = await promisify(execFile)(process.execPath, args, { cwd: fixture }).catch((error: { stdout?: string; code?: number }) => {
    if (error.code === 1 && error.stdout) return { stdout: error.stdout };
    throw error;
  });
  const results = JSON.parse(output.stdout) as LintResult[];
  return new Map(results.map((result) => [path.relative(fixture, result.filePath), result.messages.map((m) => m.ruleId ?? m.message)]));
}

describe('the architecture lint', () => {
  it('fails a wrong-way import, a cycle, an import without its extension and the app importing the manifest module, and passes a file that follows the layers', async () => {
    const rules = await lintFixture();
    expect(rules.get('src/features/library/reaches-into-another-feature.ts')).toEqual(['import-x/no-restricted-paths']);
    expect(rules.get('src/domain/imports-upwards.ts')).toContain('import-x/no-restricted-paths');
    expect(rules.get('src/ui/knows-a-feature.ts')).toEqual(['import-x/no-restricted-paths']);
    expect(rules.get('src/domain/imports-react.ts')).toEqual(['no-restricted-imports']);
    expect(rules.get('src/app/imports-the-manifest-module.ts')).toEqual(['no-restricted-imports']);
    expect(rules.get('src/domain/cycle-first.ts')).toEqual(['import-x/no-cycle']);
    expect(rules.get('src/domain/cycle-second.ts')).toEqual(['import-x/no-cycle']);
    expect(rules.get('src/domain/imports-without-extension.ts')).toEqual(['import-x/extensions']);
    expect(rules.get('src/features/library/follows-the-layers.ts')).toEqual([]);
    expect(rules.get('src/domain/words.ts')).toEqual([]);
  }, 60_000);
});
