/**
 * `npx tsx tests/tools/make-hostile-seeds.ts`: writes tests/fixtures/hostile-seeds/, a folder of
 * broken and strange seed files, byte for byte the same on every run and every machine. The bytes
 * are spelled out here rather than typed into an editor, which would "fix" half of them on save.
 *
 * Only small, Windows-safe files live in the folder. The 5 MB file, the 100,000-line file and the
 * names Windows cannot hold (`?`, `<`, `>`, `"`) are made in a temporary folder by the tests.
 * src/domain/articles/hostile-seeds.test.ts checks that the committed files match this script.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PNG_SIGNATURE, rgbPng, storedZlib } from './png.ts';

export const HOSTILE_SEEDS_DIR = path.resolve(import.meta.dirname, '../fixtures/hostile-seeds');

export interface HostileSeed {
  name: string;
  bytes: Uint8Array;
  /** What the file is, for notes.md. */
  about: string;
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** UTF-16 code units, low byte first (LE) or high byte first (BE), after an optional byte-order mark. */
export function utf16(text: string, order: 'le' | 'be', { bom }: { bom: boolean }): Uint8Array {
  const bytes = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  let offset = 0;
  if (bom) {
    bytes.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
    offset = 2;
  }
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    bytes[offset + index * 2] = order === 'le' ? unit & 0xff : unit >> 8;
    bytes[offset + index * 2 + 1] = order === 'le' ? unit >> 8 : unit & 0xff;
  }
  return bytes;
}

/** Latin-1 text plus the Windows-1252 bytes 0x80–0x9F given as \x escapes: one byte per character. */
function singleBytes(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => {
    const code = char.charCodeAt(0);
    if (code > 0xff) throw new Error(`not a single byte: ${char}`);
    return code;
  });
}

export { PNG_SIGNATURE };

/**
 * A complete, valid 1×1 red PNG. The pixel data is a zlib "stored" (uncompressed) block, so the
 * bytes do not depend on the zlib version the script runs with.
 */
export function onePixelPng(): Uint8Array {
  return rgbPng(1, 1, () => [0xff, 0x00, 0x00], storedZlib);
}

/** A headline of exactly `length` UTF-16 code units, whole words, ending in a full stop. */
export function longHeadline(length: number): string {
  const words = ['Parliament', 'debates', 'the', 'longest', 'headline', 'ever', 'scraped', 'from', 'a', 'regional', 'news', 'site'];
  let text = '';
  for (let index = 0; text.length < length; index += 1) text += `${text ? ' ' : ''}${words[index % words.length] ?? ''}`;
  return `${text.slice(0, length - 1).trimEnd().padEnd(length - 1, 'x')}.`;
}

const lines = (...text: string[]): string => text.join('\n');

/** Every committed fixture, in file-name order. */
export function hostileSeeds(): HostileSeed[] {
  return [
    { name: '01-empty.txt', about: 'zero bytes', bytes: new Uint8Array() },
    {
      name: '02-whitespace-only.txt',
      about: 'spaces, tabs, CR/LF, no-break and ideographic spaces, form feed, U+2028/U+2029 and a mid-file U+FEFF: no text',
      bytes: utf8('  \t\r\n\u00a0\u2003\u3000\n\f\r\n\u2028\u2029 \ufeff \n'),
    },
    {
      name: '03-headline-only.txt',
      about: 'a padded headline followed by blank and whitespace-only CRLF lines',
      bytes: utf8('   Council meets tonight, agenda unknown   \r\n\r\n \t \r\n'),
    },
    { name: '04-png-image.txt', about: 'a real 1×1 PNG (signature, IHDR, IDAT, IEND) renamed .txt', bytes: onePixelPng() },
    {
      name: '05-few-control-bytes.txt',
      about: 'ordinary prose with one NUL, BEL, ESC and DEL each (under 1% of the characters)',
      bytes: utf8(
        lines(
          'Heatwave warning extended into the weekend',
          'Forecasters said the temperature\u0000 rose to 38 degrees on Thursday, the hottest day of the year so far, and warned that nights would stay unusually warm across the region.',
          'A scraper left a bell\u0007 and an escape\u001b character in this paragraph; the rest of it is ordinary prose about water restrictions, shaded bus stops and closed parks.',
          'Hospitals asked people to check on elderly neighbours\u007f and to drink water through the day, even when they do not feel thirsty, and to keep curtains drawn at noon.',
        ),
      ),
    },
    {
      name: '06-many-control-bytes.txt',
      about: 'a terminal log full of ANSI colour codes (ESC) and NUL padding: far over 1% control characters',
      bytes: utf8(
        lines(
          'Build log \u001b[1mwith colour codes\u001b[0m',
          '\u001b[31mERROR\u001b[0m step 3 failed \u001b[2m(exit 1)\u001b[0m',
          '\u001b[33mWARN\u001b[0m retrying\u0000\u0000\u0000\u0000',
          '\u001b[32mOK\u001b[0m done\u0000\u0000\u0000\u0000',
        ),
      ),
    },
    {
      name: '07-invalid-utf8.txt',
      about: 'Windows-1252 bytes (é, curly quotes, en dash, €, …, ß), an overlong UTF-8 slash C0 AF and a cut-off E2 82 at the end',
      bytes: singleBytes(
        lines(
          'Caf\xe9 owners \x93protest\x94 \x96 prices up \x80 2',
          'Na\xefve tourists paid \x80 9 for a coffee on the Stra\xdfe\x85',
          'Overlong slash: \xc0\xaf stays two characters.',
          'The file ends in a cut-off euro sign \xe2\x82',
        ),
      ),
    },
    {
      name: '08-utf16le-bom.txt',
      about: 'UTF-16 little-endian with FF FE: accents, curly quotes, CJK, Arabic and an emoji outside the BMP',
      bytes: utf16(lines('UTF-16 LE: Zürich “quoted” 東京 🚀', 'First paragraph: naïve café — مرحبا.', 'Second paragraph: 𝄞 music and 😀 faces.', ''), 'le', { bom: true }),
    },
    {
      name: '09-utf16be-bom.txt',
      about: 'UTF-16 big-endian with FE FF: the same kinds of characters',
      bytes: utf16(lines('UTF-16 BE: Zürich “quoted” 東京 🚀', 'First paragraph: naïve café — שלום.', 'Second paragraph: 𝄞 music and 😀 faces.', ''), 'be', { bom: true }),
    },
    {
      name: '10-utf16le-no-bom.txt',
      about: 'UTF-16 LE without a byte-order mark: every other byte is NUL',
      bytes: utf16(lines('A UTF-16 file without a byte-order mark', 'It reads as UTF-8 full of NUL characters.'), 'le', { bom: false }),
    },
    {
      name: '11-long-headline.txt',
      about: 'a 2,000-character headline',
      bytes: utf8(lines(longHeadline(2000), 'The rest of the story is short.')),
    },
    {
      name: '12-html-and-script.txt',
      about: 'HTML, script tags, event handlers, javascript: URLs, entities and replacement patterns in headline and body',
      bytes: utf8(
        lines(
          `<script>alert(1)</script> Breaking: <img src=x onerror=alert(1)> "quotes" & 'apostrophes'`,
          `"><svg onload=alert(1)>`,
          `<a href="javascript:alert(1)">javascript:alert(1)</a>`,
          '<script>alert(1)</script>',
          '<img src=x onerror=alert(1)>',
          'Entities stay as typed: &lt;b&gt; &amp; &#60;script&#62;',
          '<!-- comment --> <style>body{display:none}</style> </textarea></title>',
          "$& $' $` $$ and {{constructor.constructor('alert(1)')()}}",
        ),
      ),
    },
    {
      name: '13-invisible-characters.txt',
      about: 'zero-width space/joiner, U+FEFF mid-text, bidi overrides and isolates, LRM/RLM, word joiner, soft hyphen',
      bytes: utf8(
        lines(
          'Zero\u200bwidth\u200dand\ufeffbidi \u202eevil\u202c headline',
          'A zero\u200bwidth space, a zero\u200dwidth joiner and a\ufeffBOM sit inside words.',
          'The override \u202etxt.exe\u202c and the isolate \u2066abc\u2069 \u2067דוד\u2069 stay.',
          'Marks \u200eleft\u200e and \u200fright\u200f, a word\u2060joiner and a soft\u00adhyphen.',
        ),
      ),
    },
    {
      name: '14-arabic-hebrew.txt',
      about: 'Arabic with harakat and Arabic-Indic digits, Hebrew with niqqud, mixed with Latin',
      bytes: utf8(
        lines(
          'الأسواق تَنتعِش بعد قرار ٢٠٢٤',
          'قال الوزير إنَّ الاقتصاد «مستقر» رغم التضخم (3.5%).',
          'הַמֶּמְשָׁלָה אישרה את התקציב החדש ל-2025, כך נמסר.',
          'Mixed: the ministry (وزارة المالية) and the Knesset (הכנסת) agreed.',
        ),
      ),
    },
    {
      name: '15-emoji.txt',
      about: 'emoji with ZWJ sequences, flags, tag-sequence flags, skin tones, keycaps and variation selectors',
      bytes: utf8(
        lines(
          '🇺🇦 Kyiv marathon 🏃‍♀️ draws 👩‍👩‍👧‍👦 families',
          'Runners from 🇯🇵, 🇧🇷 and 🏴󠁧󠁢󠁥󠁮󠁧󠁿 joined; the 🏳️‍🌈 flag flew at the start.',
          'Volunteers 👍🏽 handed out water 💧 at kilometre 1️⃣0️⃣, a 🧑‍💻 kept time.',
        ),
      ),
    },
    {
      name: '16-same-text-a.txt',
      about: 'identical bytes to 17-same-text-b.txt',
      bytes: utf8(lines('Bridge reopens after repairs', 'Traffic returned to the old bridge on Monday.')),
    },
    {
      name: '17-same-text-b.txt',
      about: 'identical bytes to 16-same-text-a.txt',
      bytes: utf8(lines('Bridge reopens after repairs', 'Traffic returned to the old bridge on Monday.')),
    },
    {
      name: '18-same-headline-a.txt',
      about: 'the same headline as 19-same-headline-b.txt, a different story',
      bytes: utf8(lines('Local team wins the cup', 'The under-12s won on penalties.')),
    },
    {
      name: '19-same-headline-b.txt',
      about: 'the same headline as 18-same-headline-a.txt, a different story',
      bytes: utf8(lines('Local team wins the cup', 'The veterans won in extra time, a week later.')),
    },
    {
      name: '20 name with spaces.txt',
      about: 'spaces in the file name',
      bytes: utf8(lines('Spaces in names & "quotes" in headlines', 'A file whose name has spaces.')),
    },
    {
      name: '21 Ünïcödé naïve Zürich 東京.txt',
      about: 'non-ASCII letters in the file name (NFC)',
      bytes: utf8(lines('Ünïcödé names: Zürich, 東京 and Łódź', 'A file whose name is not ASCII.')),
    },
    {
      name: '22 #hash#tag.txt',
      about: '# in the file name (a URL fragment marker)',
      bytes: utf8(lines('Hashtags #win <b>big</b> tonight', 'A file whose name has # in it.')),
    },
    {
      name: '23 100% sure %20 %zz.txt',
      about: '% in the file name, once as a valid escape (%20) and once not (%zz)',
      bytes: utf8(lines("100% sure: %20 isn't a space, %zz isn't an escape", 'A file whose name has % in it.')),
    },
  ];
}

function notes(seeds: readonly HostileSeed[]): string {
  return [
    '# Hostile seed fixtures',
    '',
    'Generated by `npx tsx tests/tools/make-hostile-seeds.ts`; do not edit by hand.',
    'src/domain/articles/hostile-seeds.test.ts checks these files against the script and parses them.',
    'The 5 MB and 100,000-line files, and names with ? < > " (not allowed on Windows), are made by the tests in a temporary folder.',
    'This file is not a .txt seed, so loadCorpus ignores it.',
    '',
    ...seeds.map((seed) => `- \`${seed.name}\`: ${seed.about}`),
    '',
  ].join('\n');
}

/** Replaces every file in `dir` with the fixtures, notes.md and a .gitattributes that keeps the bytes as they are. */
export function writeHostileSeeds(dir = HOSTILE_SEEDS_DIR): HostileSeed[] {
  const seeds = hostileSeeds();
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile()) rmSync(path.join(dir, entry.name));
  }
  for (const seed of seeds) writeFileSync(path.join(dir, seed.name), seed.bytes);
  writeFileSync(path.join(dir, 'notes.md'), notes(seeds));
  // No line-ending or encoding conversion on checkout: the CRLFs, NULs and UTF-16 are the point.
  writeFileSync(path.join(dir, '.gitattributes'), '* -text\n');
  return seeds;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const seeds = writeHostileSeeds();
  console.log(`wrote ${seeds.length} seeds to ${path.relative(process.cwd(), HOSTILE_SEEDS_DIR)}`);
}
