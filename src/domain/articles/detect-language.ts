/**
 * A best guess at an article's language, for `lang` (hyphenation, screen-reader voice). Scripts
 * used by one main language decide at once; Latin text is judged by its commonest short words.
 * Undefined when unsure: a wrong `lang` is worse than none.
 */
const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Arabic}/u, 'ar'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Cyrillic}/u, 'ru'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Hangul}/u, 'ko'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Devanagari}/u, 'hi'],
];

const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'it', 'with', 'was', 'on', 'as', 'by', 'he', 'she', 'are', 'have'],
  de: ['der', 'die', 'und', 'das', 'nicht', 'ist', 'ein', 'eine', 'zu', 'mit', 'sich', 'auf', 'für', 'dem', 'den', 'von'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'du', 'que', 'pour', 'dans', 'qui', 'pas', 'sur', 'au', 'avec'],
  es: ['el', 'la', 'los', 'las', 'y', 'que', 'del', 'en', 'es', 'una', 'por', 'con', 'para', 'se', 'no', 'lo'],
  it: ['il', 'di', 'che', 'è', 'e', 'la', 'per', 'una', 'non', 'sono', 'della', 'del', 'con', 'gli', 'le', 'si'],
  pt: ['o', 'a', 'os', 'que', 'e', 'do', 'da', 'em', 'um', 'para', 'é', 'com', 'não', 'uma', 'no', 'na'],
  nl: ['de', 'het', 'een', 'en', 'van', 'ik', 'te', 'dat', 'die', 'is', 'niet', 'op', 'zijn', 'voor', 'met', 'ook'],
};

// Below this many stopword hits in the sample, there is too little evidence to say.
const MIN_HITS = 3;
const SAMPLE_LENGTH = 4000;

export function detectLanguage(text: string): string | undefined {
  const sample = text.slice(0, SAMPLE_LENGTH);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  for (const [script, lang] of SCRIPTS) {
    const count = sample.match(new RegExp(script.source, 'gu'))?.length ?? 0;
    if (letters > 0 && count / letters > 0.3) return lang;
  }
  const words = sample.toLowerCase().split(/[^\p{L}]+/u);
  let best: { lang: string; hits: number } | undefined;
  for (const [lang, list] of Object.entries(STOPWORDS)) {
    const set = new Set(list);
    const hits = words.filter((word) => set.has(word)).length;
    if (!best || hits > best.hits) best = { lang, hits };
  }
  return best && best.hits >= MIN_HITS ? best.lang : undefined;
}
