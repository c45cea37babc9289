import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBoilerplate } from './boilerplate.ts';
import { buildCorpus, type SeedFile } from './build-corpus.ts';
import { decodeText } from './decode-text.ts';
import { parseSeed, type SeedParseResult } from './parse-seed.ts';

/**
 * Properties of the seed parser over any bytes at all, and over bytes biased to look like text:
 * it never throws, what it returns is well formed, and an article holds exactly the file's text.
 */

// What the parser strips: whitespace (JS \s: what String#trim removes, line breaks included),
// C0 and C1 control characters and DEL (NEL, U+0085, is a line break).
// The parser drops the noncharacters U+FFFE and U+FFFF with the control characters (a byte-swapped BOM is no text).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const WHITESPACE_AND_CONTROLS = /[\s\u0000-\u001f\u007f-\u009f\uFFFE\uFFFF]/gu;
const LINE_BREAKS = /\r\n|\r|\n|\u0085|\u2028|\u2029/;
// Characters that take no space: a line of only these counts as blank.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
const squeeze = (text: string): string => text.replace(WHITESPACE_AND_CONTROLS, '');

const BOMS = {
  none: [],
  'utf-8': [0xef, 0xbb, 0xbf],
  'utf-16le': [0xff, 0xfe],
  'utf-16be': [0xfe, 0xff],
} as const;

function encode(text: string, bom: keyof typeof BOMS): Uint8Array {
  if (bom === 'utf-16le' || bom === 'utf-16be') {
    const bytes: number[] = [...BOMS[bom]];
    for (let index = 0; index < text.length; index += 1) {
      const unit = text.charCodeAt(index);
      bytes.push(...(bom === 'utf-16le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff]));
    }
    return Uint8Array.from(bytes);
  }
  return Uint8Array.from([...BOMS[bom], ...new TextEncoder().encode(text)]);
}

const BOILERPLATE_LINES = [
  'Think your friends would be interested? Share this story!',
  'Comments are closed.',
  'Advertisement',
  'Read more:',
  '© 2024 Example Media',
  '(c) Example Media Ltd',
  'Follow us on Facebook',
  'All rights reserved.',
];
const ODD_CHARACTERS = [' ', '\t', '\u00a0', '\u3000', '\f', '\ufeff', '\u2028', '\u2029', '\u0000', '\u0007', '\u000b', '\u001b', '\u007f', '\u0085', '\u200b', '\u202e', 'é', '😀', 'ש'];

const lineArbitrary = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 15 }),
  fc.string({ unit: fc.constantFrom(...ODD_CHARACTERS, 'a', 'B', '.'), maxLength: 20 }),
  fc.constantFrom(...BOILERPLATE_LINES),
  fc.constant(''),
);

/** Lines of any Unicode text joined by random \n, \r\n and \r. */
const textArbitrary = fc
  .array(fc.tuple(lineArbitrary, fc.constantFrom('\n', '\r\n', '\r')), { maxLength: 25 })
  .map((lines) => lines.map(([line, end]) => line + end).join(''));

/** Text as bytes: UTF-8 with or without a BOM, or UTF-16 LE/BE with a BOM. */
const textBytesArbitrary = fc
  .tuple(textArbitrary, fc.constantFrom<keyof typeof BOMS>('none', 'utf-8', 'utf-16le', 'utf-16be'))
  .map(([text, bom]) => encode(text, bom));

/** Text bytes with a few random bytes spliced in, which usually makes them invalid UTF-8. */
const corruptedTextArbitrary = fc
  .tuple(textBytesArbitrary, fc.uint8Array({ minLength: 1, maxLength: 4 }), fc.nat())
  .map(([bytes, noise, at]) => {
    const cut = bytes.length === 0 ? 0 : at % bytes.length;
    return Uint8Array.from([...bytes.subarray(0, cut), ...noise, ...bytes.subarray(cut)]);
  });

const anyBytesArbitrary = fc.oneof(fc.uint8Array({ maxLength: 600 }), textBytesArbitrary, corruptedTextArbitrary);

/** The lines parseSeed should read from the text: control characters gone, trimmed, blank ones dropped. */
function expectedLines(text: string): string[] {
  return text
    // eslint-disable-next-line no-control-regex -- the parser's own definition of control characters
    .replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g, '')
    .split(LINE_BREAKS)
    .map((line) => line.trim())
    .filter((line) => line.replace(INVISIBLE, '').trim() !== '');
}

/** Body lines at the end that are boilerplate (never the headline), by isBoilerplate alone. */
function trailingBoilerplate(lines: readonly string[]): string[] {
  let end = lines.length;
  while (end > 1 && isBoilerplate(lines[end - 1] ?? '')) end -= 1;
  return lines.slice(end);
}

function checkShape(result: SeedParseResult): void {
  if (result.ok) {
    expect(Object.keys(result).sort()).toEqual(['encoding', 'headline', 'ok', 'paragraphs', 'warnings']);
    expect(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']).toContain(result.encoding);
    for (const warning of result.warnings) expect(warning).toMatch(/\S/);
  } else {
    expect(Object.keys(result).sort()).toEqual(['ok', 'reason']);
    expect(typeof result.reason).toBe('string');
    expect(result.reason.trim()).not.toBe('');
  }
}

describe('parseSeed on arbitrary bytes', () => {
  const RUNS = 1_000;

  it('never throws, and returns either an article or { ok: false, reason } with a non-empty reason', () => {
    fc.assert(
      fc.property(anyBytesArbitrary, (bytes) => {
        checkShape(parseSeed(bytes));
      }),
      { numRuns: RUNS },
    );
  });

  it('gives an article a trimmed, non-empty headline and non-empty, trimmed, single-line paragraphs', () => {
    let articles = 0;
    fc.assert(
      fc.property(anyBytesArbitrary, (bytes) => {
        const result = parseSeed(bytes);
        if (!result.ok) return;
        articles += 1;
        expect(result.headline).not.toBe('');
        expect(result.headline).toBe(result.headline.trim());
        expect(result.paragraphs.length).toBeGreaterThan(0);
        for (const text of [result.headline, ...result.paragraphs]) {
          expect(text).not.toBe('');
          expect(text).toBe(text.trim());
          expect(text).not.toMatch(LINE_BREAKS);
          // eslint-disable-next-line no-control-regex -- none may survive
          expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/);
        }
      }),
      { numRuns: RUNS },
    );
    expect(articles).toBeGreaterThan(RUNS / 10); // the property was checked on real articles, not vacuously
  });

  it("keeps all of the file's text but whitespace, control characters and trailing boilerplate lines, adding nothing", () => {
    let articles = 0;
    let withBoilerplate = 0;
    fc.assert(
      fc.property(anyBytesArbitrary, (bytes) => {
        const result = parseSeed(bytes);
        if (!result.ok) return;
        articles += 1;
        const decoded = decodeText(bytes).text;
        const removed = trailingBoilerplate(expectedLines(decoded));
        const kept = squeeze([result.headline, ...result.paragraphs].join(''));
        // Lines of only invisible characters are blank lines: dropped like any other blank line.
        const visibleLines = decoded.split(LINE_BREAKS).filter((line) => line.replace(WHITESPACE_AND_CONTROLS, '').replace(INVISIBLE, '') !== '');
        expect(kept + squeeze(removed.join(''))).toBe(squeeze(visibleLines.join('\n')));
        expect(result.paragraphs.length + removed.length).toBe(expectedLines(decoded).length - 1);
        if (removed.length > 0) withBoilerplate += 1;
      }),
      { numRuns: RUNS },
    );
    expect(articles).toBeGreaterThan(RUNS / 10);
    expect(withBoilerplate).toBeGreaterThan(0);
  });

  it('never ends an article on a boilerplate line, and keeps the body before the boilerplate', () => {
    fc.assert(
      fc.property(textArbitrary, fc.constantFrom(...BOILERPLATE_LINES), (text, boilerplate) => {
        const result = parseSeed(new TextEncoder().encode(`Headline\nBody.\n${text}\n${boilerplate}\n`));
        if (!result.ok) return;
        expect(isBoilerplate(result.paragraphs.at(-1) ?? '')).toBe(false);
        expect(result.paragraphs[0]).toBe('Body.');
      }),
      { numRuns: 300 },
    );
  });
});

describe('buildCorpus over arbitrary folders', () => {
  const HEADLINES = ['Same headline', 'same headline!', 'Same-Headline', 'SAME HEADLINE', '🎉', '', 'same headline a1b2c3', 'article'];
  const seedBytes = fc.oneof(
    fc.tuple(fc.oneof(fc.constantFrom(...HEADLINES), fc.string({ unit: 'binary', maxLength: 20 })), textArbitrary).map(([headline, body]) =>
      new TextEncoder().encode(`${headline}\n${body}`),
    ),
    anyBytesArbitrary,
  );
  const folder = (extensions: readonly string[]) =>
    fc.uniqueArray(
      fc.record({
        // A few common bases, so that names often differ only in their extension.
        name: fc
          .tuple(fc.oneof(fc.constantFrom('a', 'story', 'Story', ''), fc.string({ unit: 'binary', maxLength: 12 })), fc.constantFrom(...extensions))
          .map(([base, ext]) => base + ext),
        bytes: seedBytes,
      }),
      { selector: (file: SeedFile) => file.name, maxLength: 12 },
    );

  it('never throws, and accounts for each .txt file once as an article or a skipped file', () => {
    fc.assert(
      fc.property(folder(['.txt', '.md', '']), (files) => {
        const corpus = buildCorpus(files);
        const seeds = files.filter((f) => f.name.endsWith('.txt'));
        expect(corpus.articles.length + corpus.skipped.length).toBe(seeds.length);
      }),
      { numRuns: 300 },
    );
  });

  it('gives every article a unique, URL-safe slug', () => {
    fc.assert(
      fc.property(folder(['.txt', '.TXT', '.Txt']), (files) => {
        const slugs = buildCorpus(files).articles.map((a) => a.slug);
        expect(new Set(slugs).size).toBe(slugs.length);
        for (const slug of slugs) expect(slug).toMatch(/^[\p{L}\p{M}\p{N}-]+$/u);
      }),
      { numRuns: 300 },
    );
  });

  it('gives every article a unique id when the file names are unique', () => {
    fc.assert(
      fc.property(folder(['.txt']), (files) => {
        const ids = buildCorpus(files).articles.map((a) => a.id);
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 300 },
    );
  });

  it('gives every article a unique id even when file names differ only in the case of ".txt"', () => {
    // Bug: "a.txt" and "a.TXT" (distinct files on Linux) both get the id "a".
    fc.assert(
      fc.property(folder(['.txt', '.TXT', '.Txt']), (files) => {
        const ids = buildCorpus(files).articles.map((a) => a.id);
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 300 },
    );
  });
});
