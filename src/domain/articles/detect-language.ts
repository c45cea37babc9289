/**
 * A best guess at an article's language, for `lang` (hyphenation, screen-reader voice). Scripts
 * used by one main language decide at once; Latin text is judged by its commonest short words.
 * Undefined when unsure: a wrong `lang` is worse than none.
 */
const SCRIPTS: [RegExp, string][] = [
  // Japanese news is mostly kanji: any real share of kana makes it Japanese, not Chinese.
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Arabic}/u, 'ar'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Cyrillic}/u, 'ru'],
  [/\p{Script=Hangul}/u, 'ko'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Devanagari}/u, 'hi'],
];

const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'it', 'with', 'was', 'on', 'as', 'by', 'he', 'she', 'are', 'have'],
  de: ['der', 'die', 'und', 'das', 'nicht', 'ist', 'ein', 'eine', 'zu', 'mit', 'sich', 'auf', 'für', 'dem', 'den', 'von'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'du', 'de', 'que', 'pour', 'dans', 'qui', 'pas', 'sur', 'au', 'avec', 'aux', 'ont', 'été', 'cette', 'mais'],
  es: ['el', 'la', 'los', 'las', 'y', 'que', 'del', 'de', 'en', 'es', 'una', 'por', 'con', 'para', 'se', 'no', 'lo', 'ha', 'su', 'sus', 'tras', 'según'],
  it: ['il', 'di', 'che', 'è', 'e', 'la', 'per', 'una', 'non', 'sono', 'della', 'del', 'con', 'gli', 'le', 'si'],
  pt: ['o', 'a', 'os', 'que', 'e', 'do', 'da', 'de', 'em', 'um', 'para', 'é', 'com', 'não', 'uma', 'no', 'na', 'dos', 'das', 'nesta', 'ao', 'pela', 'pelo'],
  nl: ['de', 'het', 'een', 'en', 'van', 'ik', 'te', 'dat', 'die', 'is', 'niet', 'op', 'zijn', 'voor', 'met', 'ook', 'naar', 'werd', 'heeft', 'bij'],
};

// Below this many hits of words only one language uses, or this many words, there is too little evidence to say.
const MIN_HITS = 2;
const MIN_WORDS = 6;
// The best language must lead the next by this factor: "de" or "en" alone prove little.
const LEAD = 1.5;
const SCRIPT_SHARE: Record<string, number> = { ja: 0.05 };
const DEFAULT_SCRIPT_SHARE = 0.3;

// Only words that are common in exactly one of the languages count (many short words are shared).
const DISTINCTIVE: Record<string, Set<string>> = Object.fromEntries(
  Object.entries(STOPWORDS).map(([lang, list]) => [
    lang,
    new Set(list.filter((word) => Object.entries(STOPWORDS).every(([other, words]) => other === lang || !words.includes(word)))),
  ]),
);
const SAMPLE_LENGTH = 4000;

export function detectLanguage(text: string): string | undefined {
  const sample = text.slice(0, SAMPLE_LENGTH);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  for (const [script, lang] of SCRIPTS) {
    const count = sample.match(new RegExp(script.source, 'gu'))?.length ?? 0;
    if (letters > 0 && count / letters > (SCRIPT_SHARE[lang] ?? DEFAULT_SCRIPT_SHARE)) return lang;
  }
  // Links are not prose: their single letters and path words would vote at random.
  const words = sample
    .replace(/\b[a-z][a-z+.-]*:\/\/\S+/giu, ' ')
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((word) => word.length > 1 || ['a', 'e', 'o', 'y', 'è', 'é'].includes(word));
  const scores = Object.entries(DISTINCTIVE)
    .map(([lang, set]) => ({ lang, hits: words.filter((word) => set.has(word)).length }))
    .sort((a, b) => b.hits - a.hits);
  const [best, second] = scores;
  if (!best || words.length < MIN_WORDS || best.hits < MIN_HITS || (second && best.hits < second.hits * LEAD)) return undefined;
  return best.lang;
}
