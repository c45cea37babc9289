import * as v from 'valibot';

/** A UTF-16 surrogate without its partner: not a character, and `encodeURIComponent` throws on it. */
// No `u` flag: with it a valid pair would be read as one code point; without it each unit is seen alone.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `text` is well-formed Unicode: every surrogate is half of a pair. */
export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/**
 * Text from outside (an import, stored data): well-formed and at most `max` characters. A lone
 * surrogate would break every URL built from it and every render that builds one.
 */
export function boundedText(max: number, options: { min?: number; emptyMessage?: string; what?: string } = {}) {
  return v.pipe(
    v.string(),
    v.minLength(options.min ?? 0, options.emptyMessage ?? 'empty'),
    v.maxLength(max, `${options.what ? `${options.what} is ` : ''}longer than ${max} characters`),
    v.check(isWellFormedText, 'not well-formed Unicode (a lone surrogate)'),
  );
}

/** True when `index` falls between the two halves of a surrogate pair, so a cut there splits a character. */
export function splitsCharacter(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return false;
  const before = text.charCodeAt(index - 1);
  const after = text.charCodeAt(index);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/**
 * A quote selector whose context has half a character at its outer edge (the start of the prefix,
 * the end of the suffix) with that half dropped. Earlier versions cut the context at 32 UTF-16
 * units, so it could start or end inside an emoji; such a record is otherwise sound and must stay
 * readable. Anything else is returned unchanged.
 */
export function withWholeCharacterContext(selector: unknown): unknown {
  if (typeof selector !== 'object' || selector === null || Array.isArray(selector)) return selector;
  const { prefix, suffix } = selector as { prefix?: unknown; suffix?: unknown };
  const dangling = (code: number | undefined, low: number) => code !== undefined && code >= low && code <= low + 0x3ff;
  const fixPrefix = typeof prefix === 'string' && dangling(prefix.charCodeAt(0), 0xdc00);
  const fixSuffix = typeof suffix === 'string' && dangling(suffix.length > 0 ? suffix.charCodeAt(suffix.length - 1) : undefined, 0xd800);
  if (!fixPrefix && !fixSuffix) return selector;
  return { ...selector, ...(fixPrefix ? { prefix: prefix.slice(1) } : {}), ...(fixSuffix ? { suffix: suffix.slice(0, -1) } : {}) };
}
