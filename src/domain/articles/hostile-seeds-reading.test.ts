import { readdirSync } from 'node:fs';
import vm from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { HOSTILE_SEEDS_DIR, hostileSeeds, PNG_SIGNATURE, utf8 } from '../../../tests/tools/make-hostile-seeds.ts';
import { article, articleIn, corpus, fixtureBytes, parsed, parseFixture, removeTemporaryDirs, seedsFolder, skipOf, warningsOf } from '../../../tests/fixtures/hostile-corpus.ts';
import { loadCorpus } from '../../build/in-memory-corpus.ts';
import { parseSeedText, type SeedParseResult } from './parse-seed.ts';

/**
 * Seeds that must never break the build, as bytes: every file in tests/fixtures/hostile-seeds/
 * (made by tests/tools/make-hostile-seeds.ts) and a few made here in a temporary folder is either
 * built or skipped with a reason, and the build goes on. Their headlines, text and names in the
 * built pages: hostile-seeds-text.test.ts.
 */

afterEach(removeTemporaryDirs);

describe('the hostile-seeds fixture folder', () => {
  it('holds exactly the .txt files make-hostile-seeds.ts writes, byte for byte', () => {
    const expected = hostileSeeds();
    const onDisk = readdirSync(HOSTILE_SEEDS_DIR).filter((name) => name.endsWith('.txt'));
    expect(onDisk.sort()).toEqual(expected.map((seed) => seed.name).sort());
    for (const seed of expected) expect({ name: seed.name, bytes: [...fixtureBytes(seed.name)] }).toEqual({ name: seed.name, bytes: [...seed.bytes] });
  });

  it('accounts for every file exactly once: 17 built, 6 skipped, none thrown', () => {
    const built = corpus.articles.map((a) => `${a.id}.txt`);
    const skipped = corpus.skipped.map((s) => s.file);
    expect(built).toHaveLength(17);
    expect(skipped).toHaveLength(6);
    expect([...built, ...skipped].sort()).toEqual(hostileSeeds().map((seed) => seed.name).sort());
  });
});

describe('empty and blank seeds', () => {
  it('skips a 0-byte file as "empty file"', () => {
    expect(fixtureBytes('01-empty.txt')).toHaveLength(0);
    expect(skipOf('01-empty.txt')).toBe('empty file');
  });

  it('skips a file of only whitespace (no-break, ideographic, U+2028/2029, a mid-file U+FEFF) as "no text (only whitespace)"', () => {
    expect(fixtureBytes('02-whitespace-only.txt').length).toBeGreaterThan(0);
    expect(skipOf('02-whitespace-only.txt')).toBe('no text (only whitespace)');
  });

  it('skips a padded headline followed by blank CRLF lines as "headline only, no body"', () => {
    expect(skipOf('03-headline-only.txt')).toBe('headline only, no body');
  });
});

describe('binary files and control bytes', () => {
  it('skips a real PNG (signature and IHDR chunk) renamed .txt as binary data, without warnings', () => {
    const bytes = fixtureBytes('04-png-image.txt');
    expect([...bytes.subarray(0, 8)]).toEqual([...PNG_SIGNATURE]);
    expect(new TextDecoder().decode(bytes.subarray(12, 16))).toBe('IHDR');
    expect(skipOf('04-png-image.txt')).toBe('not a text file (binary data)');
    expect(warningsOf(corpus, '04-png-image.txt')).toEqual([]);
  });

  it('keeps prose with a stray NUL, BEL, ESC and DEL, removing them with a warning', () => {
    expect(article('05-few-control-bytes').paragraphs).toEqual([
      'Forecasters said the temperature rose to 38 degrees on Thursday, the hottest day of the year so far, and warned that nights would stay unusually warm across the region.',
      'A scraper left a bell and an escape character in this paragraph; the rest of it is ordinary prose about water restrictions, shaded bus stops and closed parks.',
      'Hospitals asked people to check on elderly neighbours and to drink water through the day, even when they do not feel thirsty, and to keep curtains drawn at noon.',
    ]);
    expect(warningsOf(corpus, '05-few-control-bytes.txt')).toEqual(['removed 4 control characters']);
  });

  it('skips a terminal log full of ANSI escape codes and NULs as binary data', () => {
    expect(skipOf('06-many-control-bytes.txt')).toBe('not a text file (binary data)');
  });

  it('skips UTF-16 without a byte-order mark as binary data rather than building text full of NULs', () => {
    expect(skipOf('10-utf16le-no-bom.txt')).toBe('not a text file (binary data)');
  });
});

describe('encodings', () => {
  it('reads invalid UTF-8 as Windows-1252 with a warning, overlong and cut-off sequences as separate characters', () => {
    const seed = parsed(parseFixture('07-invalid-utf8.txt'));
    expect(seed.encoding).toBe('windows-1252');
    expect(seed.headline).toBe('Café owners “protest” – prices up € 2');
    expect(seed.paragraphs).toEqual([
      'Naïve tourists paid € 9 for a coffee on the Straße…',
      'Overlong slash: À¯ stays two characters.',
      'The file ends in a cut-off euro sign â‚',
    ]);
    expect(warningsOf(corpus, '07-invalid-utf8.txt')).toEqual(['not valid UTF-8; read as Windows-1252']);
  });

  it.each([
    ['08-utf16le-bom.txt', 'utf-16le', 'UTF-16 LE', 'مرحبا'],
    ['09-utf16be-bom.txt', 'utf-16be', 'UTF-16 BE', 'שלום'],
  ] as const)('decodes %s (%s with a byte-order mark) exactly, astral characters included, without mojibake', (name, encoding, label, greeting) => {
    const seed = parsed(parseFixture(name));
    expect(seed.encoding).toBe(encoding);
    expect(seed.headline).toBe(`${label}: Zürich “quoted” 東京 🚀`);
    expect(seed.paragraphs).toEqual([`First paragraph: naïve café — ${greeting}.`, 'Second paragraph: 𝄞 music and 😀 faces.']);
    const text = [seed.headline, ...seed.paragraphs].join('\n');
    // U+FFFD: undecodable; NUL: UTF-16 read as 8-bit; Ã, Â, â€: UTF-8 read as Windows-1252.
    for (const mojibake of ['\uFFFD', '\u0000', 'Ã', 'Â', 'â€']) expect(text).not.toContain(mojibake);
    expect(warningsOf(corpus, name)).toEqual([]);
  });
});

describe('very large seeds (made in a temporary folder, not committed)', () => {
  const FIVE_MB = 5 * 1024 * 1024;

  it('parses a 5 MB file into all of its paragraphs instead of skipping it', { timeout: 60_000 }, () => {
    const paragraphCount = 5_300;
    const filler = 'Floodwater reached the café on the high street — “again”, said the owner, who has seen it three times. '.repeat(9);
    const paragraphs = Array.from({ length: paragraphCount }, (_, index) => `Paragraph ${index + 1}. ${filler.trim()}`);
    const bytes = utf8(['Five megabytes of flood coverage', ...paragraphs].join('\n'));
    expect(bytes.length).toBeGreaterThanOrEqual(FIVE_MB);

    const big = loadCorpus(seedsFolder({ 'five-megabytes.txt': bytes }));
    expect(big.skipped).toEqual([]);
    expect(big.warnings).toEqual([]);
    const built = articleIn(big, 'five-megabytes');
    expect(built.headline).toBe('Five megabytes of flood coverage');
    expect(built.paragraphs).toHaveLength(paragraphCount);
    expect(built.paragraphs[0]).toBe(paragraphs[0]);
    expect(built.paragraphs.at(-1)).toBe(paragraphs.at(-1));
  });

  it('parses a 100,000-line CRLF file into 99,999 paragraphs after the headline', { timeout: 60_000 }, () => {
    const lines = ['A transcript of one hundred thousand lines', ...Array.from({ length: 99_999 }, (_, index) => `Line ${index + 1} of the transcript.`)];
    expect(lines).toHaveLength(100_000);

    const long = loadCorpus(seedsFolder({ 'many-lines.txt': lines.join('\r\n') }));
    expect(long.skipped).toEqual([]);
    expect(long.warnings).toEqual([]);
    const built = articleIn(long, 'many-lines');
    expect(built.paragraphs).toHaveLength(99_999);
    expect(built.paragraphs[0]).toBe('Line 1 of the transcript.');
    expect(built.paragraphs.at(-1)).toBe('Line 99999 of the transcript.');
    expect(built.wordCount).toBe(99_999 * 5);
  });
});


describe('trailing boilerplate patterns on hostile last lines', () => {
  it('parses a seed whose last line is "(C) " and 200 capital letters without hanging the build', () => {
    const text = `Headline\nThe story.\n(C) ${'A'.repeat(200)}!`;
    // A correct parse takes well under a millisecond; the pattern for "(c) Example Media Ltd"
    // backtracks through every way of splitting the capitals into 8 words, which takes hours.
    // The vm timeout turns that hang into a failure instead of a frozen test run.
    let result: SeedParseResult | undefined;
    let outcome = 'finished';
    try {
      vm.runInNewContext('run()', { run: () => (result = parseSeedText(text)) }, { timeout: 2_000 });
    } catch (error) {
      outcome = (error as Error).message;
    }
    expect(outcome).toBe('finished');
    expect(result).toEqual({ ok: true, headline: 'Headline', paragraphs: ['The story.', `(C) ${'A'.repeat(200)}!`], encoding: 'utf-8', warnings: [] });
  });
});
