import type { Article, ArticleSummary } from './article.ts';
import { parseSeed } from './parse-seed.ts';
import { detectLanguage } from './detect-language.ts';
import { countWords, excerptOf, readingMinutes } from './reading-stats.ts';
import { shortHash } from './short-hash.ts';
import { assignSlugs } from './slug.ts';
import { HEADLINE_DISPLAY_LENGTH } from './shorten-headline.ts';

export interface SeedFile {
  name: string;
  bytes: Uint8Array;
}

export interface SeedProblem {
  file: string;
  message: string;
}

export interface Corpus {
  articles: Article[];
  skipped: SeedProblem[];
  warnings: SeedProblem[];
}

export const SEED_EXTENSION = /\.txt$/i;

/** An article as parsed from its seed, before slugs (which need the whole collection) are given. */
export type UnslugArticle = Omit<Article, 'slug'>;

/** What is kept of an article once its text is set aside: enough to lay out lists, links and slugs. */
export type ScannedSummary = Omit<Article, 'slug' | 'paragraphs'> & { file: string };

/** UTF-16 code-unit order: the same on every machine and in every locale. */
function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The `.txt` seeds among `names`, in the order articles are built (file order). */
export function seedFileOrder(names: readonly string[]): string[] {
  return names.filter((name) => SEED_EXTENSION.test(name)).sort(byName);
}

function derivedArticle(id: string, headline: string, paragraphs: string[]): UnslugArticle {
  const wordCount = countWords(paragraphs);
  return {
    id,
    headline,
    paragraphs,
    excerpt: excerptOf(paragraphs),
    wordCount,
    readingMinutes: readingMinutes(paragraphs, wordCount),
    lang: detectLanguage(`${headline}\n${paragraphs.join('\n')}`),
  };
}

/**
 * What a seed's bytes alone decide, its text aside: its summary's fields, the parser's warnings and
 * a key of its text (to find repeated files). A build cache keeps it under the seed's content hash,
 * so an unchanged seed is not parsed again. Its id, slug and place come from the collection.
 */
export type SeedRecord =
  | { ok: false; reason: string }
  | ({ ok: true; warnings: string[]; textKey: string } & Omit<UnslugArticle, 'id' | 'paragraphs'>);

/** Parses a seed: its record and, when it parses, its text. */
export function readSeedRecord(bytes: Uint8Array): { record: SeedRecord; paragraphs: string[] | null } {
  const result = parseSeed(bytes);
  if (!result.ok) return { record: { ok: false, reason: result.reason }, paragraphs: null };
  const { headline, paragraphs } = result;
  const { id: _id, paragraphs: _text, ...summary } = derivedArticle('', headline, paragraphs);
  const textKey = `${shortHash(headline + '\n' + paragraphs.join('\n'))}:${headline.length}:${paragraphs.length}`;
  return { record: { ok: true, warnings: [...result.warnings], textKey, ...summary }, paragraphs };
}

/**
 * Reads a collection one seed at a time, in file order, keeping only what needs the whole
 * collection: each article's summary (no text), the problems found, and the hashes that find
 * repeated files. `add` hands back the parsed article, so a caller can index its text and let it go;
 * `addRecord` takes a seed already parsed by an earlier build.
 */
export class CorpusScan {
  private readonly skipped: SeedProblem[] = [];
  private readonly parseWarnings: SeedProblem[] = [];
  private readonly repeatWarnings: SeedProblem[] = [];
  private readonly ids = new Set<string>();
  private readonly firstByText = new Map<string, string>();
  private readonly firstByHeadline = new Map<string, string>();
  private readonly summaries: ScannedSummary[] = [];

  /** Adds the next seed in file order; null when it is skipped (and reported). */
  add(file: SeedFile): UnslugArticle | null {
    const { record, paragraphs } = readSeedRecord(file.bytes);
    const summary = this.addRecord(file.name, record);
    return summary && paragraphs ? { ...summary, paragraphs } : null;
  }

  /** Adds the next seed in file order from its record; its summary, or null when it is skipped (and reported). */
  addRecord(name: string, record: SeedRecord): Omit<UnslugArticle, 'paragraphs'> | null {
    if (!record.ok) {
      this.skipped.push({ file: name, message: record.reason });
      return null;
    }
    const { ok: _ok, warnings, textKey, ...fields } = record;
    for (const message of warnings) this.parseWarnings.push({ file: name, message });
    // The id is the name without ".txt"; "story.TXT" beside "story.txt" keeps its whole name, so ids never collide.
    const short = name.replace(SEED_EXTENSION, '');
    const id = this.ids.has(short) ? name : short;
    this.ids.add(id);
    this.noteRepeats(name, fields.headline, textKey);
    const summary = { id, ...fields };
    this.summaries.push({ ...summary, file: name });
    return summary;
  }

  /** Adds a file that could not be read at all. */
  addUnreadable(problem: SeedProblem): void {
    this.skipped.push(problem);
  }

  /**
   * Warnings for files that repeat an earlier one (both are still built: nothing is dropped) and
   * for headlines too long to show whole in the list.
   */
  private noteRepeats(file: string, headline: string, textKey: string): void {
    const sameText = this.firstByText.get(textKey);
    const sameHeadline = this.firstByHeadline.get(headline);
    if (sameText) this.repeatWarnings.push({ file, message: `same text as ${sameText}` });
    else if (sameHeadline) this.repeatWarnings.push({ file, message: `same headline as ${sameHeadline}; it gets its own address` });
    if (!sameText) this.firstByText.set(textKey, file);
    if (!sameHeadline) this.firstByHeadline.set(headline, file);
    if (headline.length > HEADLINE_DISPLAY_LENGTH) {
      this.repeatWarnings.push({ file, message: `headline is ${headline.length.toLocaleString('en')} characters; the list shows the first ${HEADLINE_DISPLAY_LENGTH}` });
    }
  }

  /** Every article's summary with its slug, in file order, and the report's problems. */
  finish(): { summaries: (ArticleSummary & { file: string })[]; skipped: SeedProblem[]; warnings: SeedProblem[] } {
    const slugs = assignSlugs(this.summaries);
    const summaries = this.summaries.map((summary, index) => ({ ...summary, slug: slugs[index] ?? summary.id }));
    return { summaries, skipped: [...this.skipped], warnings: [...this.parseWarnings, ...this.repeatWarnings] };
  }
}

/**
 * The article of a seed read again after the scan (the build's second pass), completed from its
 * summary. A seed that no longer parses to the same headline was changed during the build.
 */
export function rereadArticle(file: SeedFile, summary: ArticleSummary): Article {
  const result = parseSeed(file.bytes);
  if (!result.ok || result.headline !== summary.headline) throw new Error(`seeds/${file.name} changed while the build was reading it; build again`);
  const { id, slug, headline, excerpt, wordCount, readingMinutes: minutes, lang } = summary;
  return { id, slug, headline, paragraphs: result.paragraphs, excerpt, wordCount, readingMinutes: minutes, lang };
}

/** Parses every `.txt` seed into articles in file-name order; other files are ignored. */
export function buildCorpus(files: readonly SeedFile[]): Corpus {
  const scan = new CorpusScan();
  const texts: string[][] = [];
  for (const file of files.filter((f) => SEED_EXTENSION.test(f.name)).sort((a, b) => byName(a.name, b.name))) {
    const article = scan.add(file);
    if (article) texts.push(article.paragraphs);
  }
  const { summaries, skipped, warnings } = scan.finish();
  const articles = summaries.map(({ file: _file, ...summary }, index): Article => ({ ...summary, paragraphs: texts[index] ?? [] }));
  return { articles, skipped, warnings };
}

/** The report printed at the end of every build, one `seeds/NAME: reason` line per problem. */
export function formatCorpusReport(corpus: Pick<Corpus, 'skipped' | 'warnings'> & { articles: readonly unknown[] }, seedsLabel = 'seeds'): string {
  const { articles, skipped, warnings } = corpus;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const lines = [
    `${seedsLabel}: ${plural(articles.length, 'article')} built; ${plural(skipped.length, 'file')} skipped; ${plural(warnings.length, 'warning')}`,
  ];
  if (skipped.length > 0) lines.push('Skipped:', ...skipped.map((p) => `  ${seedsLabel}${p.file ? `/${p.file}` : ''}: ${p.message}`));
  if (warnings.length > 0) lines.push('Warnings:', ...warnings.map((p) => `  ${seedsLabel}/${p.file}: ${p.message}`));
  return lines.join('\n');
}
