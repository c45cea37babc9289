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
 * Reads a collection one seed at a time, in file order, keeping only what needs the whole
 * collection: each article's summary (no text), the problems found, and the hashes that find
 * repeated files. `add` hands back the parsed article, so a caller can index its text and let it go.
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
    const result = parseSeed(file.bytes);
    if (!result.ok) {
      this.skipped.push({ file: file.name, message: result.reason });
      return null;
    }
    for (const message of result.warnings) this.parseWarnings.push({ file: file.name, message });
    // The id is the name without ".txt"; "story.TXT" beside "story.txt" keeps its whole name, so ids never collide.
    const short = file.name.replace(SEED_EXTENSION, '');
    const id = this.ids.has(short) ? file.name : short;
    this.ids.add(id);
    this.noteRepeats(file.name, result.headline, result.paragraphs);
    const article = derivedArticle(id, result.headline, result.paragraphs);
    const { paragraphs: _paragraphs, ...summary } = article;
    this.summaries.push({ ...summary, file: file.name });
    return article;
  }

  /** Adds a file that could not be read at all. */
  addUnreadable(problem: SeedProblem): void {
    this.skipped.push(problem);
  }

  /**
   * Warnings for files that repeat an earlier one (both are still built: nothing is dropped) and
   * for headlines too long to show whole in the list.
   */
  private noteRepeats(file: string, headline: string, paragraphs: readonly string[]): void {
    const textKey = `${shortHash(headline + '\n' + paragraphs.join('\n'))}:${headline.length}:${paragraphs.length}`;
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
