import { stripTrailingBoilerplate } from './boilerplate.ts';
import { decodeText, type TextEncodingName } from './decode-text.ts';

export interface ParsedSeed {
  headline: string;
  paragraphs: string[];
  encoding: TextEncodingName;
  warnings: string[];
}

/** Either an article or the reason the file was skipped: a bad file is reported, never thrown. */
export type SeedParseResult = ({ ok: true } & ParsedSeed) | { ok: false; reason: string };

// C0 controls other than tab, LF, FF and CR, DEL, and the C1 controls (undefined Windows-1252
// bytes land there). Text files have none; binary files have many.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/g;
// Form feed and vertical tab inside a line are just space (and XML, for the feed, forbids them).
const LAYOUT_CONTROL = /[\f\v]/g;
// Characters that take no space: a line of only these is as empty as a blank one.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
// Above this share of control characters the file is binary (an image renamed .txt, say), not text.
const BINARY_CONTROL_SHARE = 0.01;
// NEL (U+0085) is a line break in old mainframe and some scraped text.
const LINE_BREAK = /\r\n|\r|\n|\u0085|\u2028|\u2029/;

export function parseSeed(bytes: Uint8Array): SeedParseResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  const decoded = decodeText(bytes);
  return parseSeedText(decoded.text, decoded.encoding, decoded.warnings);
}

export function parseSeedText(
  rawText: string,
  encoding: TextEncodingName = 'utf-8',
  decodeWarnings: readonly string[] = [],
): SeedParseResult {
  const warnings = [...decodeWarnings];
  const controlCount = rawText.match(CONTROL_CHARACTER)?.length ?? 0;
  if (controlCount > 0) {
    if (controlCount / rawText.length > BINARY_CONTROL_SHARE) {
      return { ok: false, reason: 'not a text file (binary data)' };
    }
    warnings.push(`removed ${controlCount} control character${controlCount === 1 ? '' : 's'}`);
  }
  const text = (controlCount > 0 ? rawText.replace(CONTROL_CHARACTER, '') : rawText).replace(LAYOUT_CONTROL, ' ');

  const lines = text
    .split(LINE_BREAK)
    .map((line) => line.trim())
    .filter((line) => line.replace(INVISIBLE, '').trim() !== '');
  const [headline, ...body] = lines;
  if (headline === undefined) {
    return { ok: false, reason: text.length === 0 ? 'empty file' : 'no text (only whitespace)' };
  }
  if (body.length === 0) return { ok: false, reason: 'headline only, no body' };

  // Boilerplate is expected in scraped news, so dropping it is not worth a warning.
  const { kept } = stripTrailingBoilerplate(body);
  if (kept.length === 0) return { ok: false, reason: 'no body once site boilerplate is removed' };

  return { ok: true, headline, paragraphs: kept, encoding, warnings };
}
