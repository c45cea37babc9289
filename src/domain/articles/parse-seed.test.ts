import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSeed, parseSeedText, type SeedParseResult } from './parse-seed.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/seeds');
// The bundled seed's committed copy: seeds/ is the user's to replace, and tests must not depend on it.
const REAL_SEED = path.join(ROOT, 'tests/fixtures/e2e-seeds/000_5e039f83c282c0c8.txt');

const parseFixture = (name: string): SeedParseResult => parseSeed(readFileSync(path.join(FIXTURES, name)));

/** Narrows to a parsed article, failing the test with the skip reason otherwise. */
function article(result: SeedParseResult) {
  if (!result.ok) throw new Error(`expected an article, got skipped: ${result.reason}`);
  return result;
}

function reasonOf(result: SeedParseResult): string {
  if (result.ok) throw new Error(`expected a skipped file, got the article "${result.headline}"`);
  return result.reason;
}

describe('parseSeed on fixture files', () => {
  it('drops a UTF-8 byte-order mark from the headline', () => {
    const seed = article(parseFixture('01-utf8-bom.txt'));
    expect(seed.headline).toBe('Headline after a byte-order mark');
    expect(seed.paragraphs).toEqual(['First paragraph of the BOM file.', 'Second paragraph of the BOM file.']);
    expect(seed.encoding).toBe('utf-8');
    expect(seed.warnings).toEqual([]);
  });

  it('splits CRLF line endings without leaving a carriage return in the text', () => {
    const seed = article(parseFixture('02-crlf.txt'));
    expect(seed.headline).toBe('Headline with Windows line endings');
    expect(seed.paragraphs).toEqual(['First paragraph, ended by CR LF.', 'Second paragraph, also CR LF.']);
    expect(seed.paragraphs.join('')).not.toContain('\r');
  });

  it('splits lone CR line endings', () => {
    const seed = article(parseFixture('03-lone-cr.txt'));
    expect(seed.headline).toBe('Headline with old Mac line endings');
    expect(seed.paragraphs).toEqual(['First paragraph, ended by a lone CR.', 'Second paragraph, the last one.']);
  });

  it('ignores blank and whitespace-only lines between paragraphs', () => {
    const seed = article(parseFixture('04-blank-lines.txt'));
    expect(seed.headline).toBe('Headline with blank lines');
    expect(seed.paragraphs).toEqual(['First paragraph after a blank line.', 'Second paragraph after several blank lines.']);
  });

  it('trims spaces, tabs and no-break spaces around each line', () => {
    const seed = article(parseFixture('05-surrounding-whitespace.txt'));
    expect(seed.headline).toBe('Headline with padding');
    expect(seed.paragraphs).toEqual(['First paragraph with padding.', 'Second paragraph with a no-break space.']);
  });

  it('reads a Windows-1252 file and reports it as a warning', () => {
    const seed = article(parseFixture('06-windows-1252.txt'));
    expect(seed.encoding).toBe('windows-1252');
    expect(seed.warnings).toEqual(['not valid UTF-8; read as Windows-1252']);
    expect(seed.paragraphs[0]).toBe('The café on the corner raised its prices again.');
  });

  it('turns the Windows-1252 curly quotes into “ and ” in the headline and body', () => {
    const seed = article(parseFixture('06-windows-1252.txt'));
    expect(seed.headline).toBe('Café owners say “enough”');
    expect(seed.paragraphs[1]).toBe('Regulars call it “the last straw”.');
  });

  it.each([
    ['07-utf16le.txt', 'utf-16le'],
    ['08-utf16be.txt', 'utf-16be'],
  ] as const)('reads %s, a UTF-16 file with a byte-order mark', (name, encoding) => {
    const seed = article(parseFixture(name));
    expect(seed.encoding).toBe(encoding);
    expect(seed.headline).toBe('Zürich headline in UTF-16');
    expect(seed.paragraphs).toEqual(['First paragraph: “quoted” and naïve.', 'Second paragraph — with a dash.']);
    expect(seed.warnings).toEqual([]);
  });

  it('skips an empty (0-byte) file', () => {
    expect(reasonOf(parseFixture('09-empty.txt'))).toBe('empty file');
  });

  it('skips a file of only whitespace', () => {
    expect(reasonOf(parseFixture('10-whitespace-only.txt'))).toBe('no text (only whitespace)');
  });

  it('skips a file with a headline and no body', () => {
    expect(reasonOf(parseFixture('11-headline-only.txt'))).toBe('headline only, no body');
  });

  it('removes trailing boilerplate but keeps the same sentences mid-article', () => {
    const seed = article(parseFixture('12-trailing-boilerplate.txt'));
    expect(seed.headline).toBe('Headline followed by site boilerplate');
    expect(seed.paragraphs).toEqual([
      'The story begins here.',
      'Think your friends would be interested? Share this story!',
      'Comments are closed.',
      'The story ends here.',
    ]);
    expect(seed.warnings).toEqual([]);
  });

  it('keeps right-to-left Arabic and Hebrew text exactly, diacritics included', () => {
    const seed = article(parseFixture('13-rtl.txt'));
    expect(seed.headline).toBe('الأسواق تنتعش بعد القرار');
    expect(seed.paragraphs).toEqual(['مَرْحَبًا بكم في النشرة الاقتصادية.', 'הממשלה אישרה את התקציב החדש (2024).']);
  });

  it('skips a file that has only boilerplate after the headline', () => {
    expect(reasonOf(parseFixture('14-only-boilerplate.txt'))).toBe('no body once site boilerplate is removed');
  });

  it('skips a binary file named .txt', () => {
    expect(reasonOf(parseFixture('15-binary.txt'))).toBe('not a text file (binary data)');
  });

  it('keeps a file with a few stray control characters, removing them with a warning', () => {
    const seed = article(parseFixture('16-control-chars.txt'));
    expect(seed.headline).toBe('Headline with stray control characters');
    expect(seed.paragraphs).toEqual([
      'A scraper left a bell character in this sentence, which is otherwise ordinary prose about the weather.',
      'Another paragraph carries a stray escape character; the rest of it is plain text and long enough to stay text.',
    ]);
    expect(seed.warnings).toEqual(['removed 2 control characters']);
  });
});

describe('parseSeed on the real project seed', () => {
  const bytes = readFileSync(REAL_SEED);
  const lines = bytes.toString('utf8').split('\n');

  it('parses into a headline and 7 paragraphs, each exactly its line of the file', () => {
    const seed = article(parseSeed(bytes));
    expect(seed.headline).toBe(lines[0]);
    expect(seed.paragraphs).toHaveLength(7);
    expect(seed.paragraphs).toEqual(lines.slice(1, 8));
    expect(seed.encoding).toBe('utf-8');
    expect(seed.warnings).toEqual([]);
  });

  it('drops the share prompt and the closed-comments line at its end', () => {
    expect(lines.slice(8)).toEqual(['Think your friends would be interested? Share this story!', 'Comments are closed.']);
    const seed = article(parseSeed(bytes));
    expect(seed.paragraphs.at(-1)).toMatch(/^The killing also led to mass protests/);
    expect(seed.paragraphs.join('\n')).not.toContain('Share this story');
    expect(seed.paragraphs.join('\n')).not.toContain('Comments are closed');
  });
});

describe('parseSeedText', () => {
  it('splits on Unicode line and paragraph separators', () => {
    const seed = article(parseSeedText('Headline\u2028First.\u2029Second.'));
    expect(seed.paragraphs).toEqual(['First.', 'Second.']);
  });

  it('passes the encoding and decode warnings through', () => {
    const seed = article(parseSeedText('Headline\nBody.', 'windows-1252', ['decoder said so']));
    expect(seed.encoding).toBe('windows-1252');
    expect(seed.warnings).toEqual(['decoder said so']);
  });

  it('reports one removed control character in the singular', () => {
    const body = 'word '.repeat(40);
    const seed = article(parseSeedText(`Headline\n${body}\u0000end.`));
    expect(seed.warnings).toEqual(['removed 1 control character']);
    expect(seed.paragraphs).toEqual([`${body}end.`]);
  });

  it('keeps a tab, and reads a form feed or vertical tab inside a line as a space, without a warning', () => {
    const seed = article(parseSeedText('Headline\nA\tB\fC\vD'));
    expect(seed.paragraphs).toEqual(['A\tB C D']);
    expect(seed.warnings).toEqual([]);
  });

  it('treats text with control characters at exactly 1% as text, and above 1% as binary', () => {
    const atOnePercent = `Headline\n${'x'.repeat(90)}\u0001`; // 1 control character in 100
    expect(atOnePercent).toHaveLength(100);
    expect(parseSeedText(atOnePercent).ok).toBe(true);
    const aboveOnePercent = `Headline\n${'x'.repeat(89)}\u0001`; // 1 in 99
    expect(parseSeedText(aboveOnePercent)).toEqual({ ok: false, reason: 'not a text file (binary data)' });
  });

  it('reports an empty string as an empty file', () => {
    expect(parseSeedText('')).toEqual({ ok: false, reason: 'empty file' });
  });

  it('removes every trailing boilerplate line, not just the last', () => {
    const seed = article(parseSeedText('Headline\nBody.\nAdvertisement\nRead more:\nComments are closed.'));
    expect(seed.paragraphs).toEqual(['Body.']);
  });
});
