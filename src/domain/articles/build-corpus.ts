import type { Article } from './article.ts';
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

interface ParsedFile {
  id: string;
  file: string;
  headline: string;
  paragraphs: string[];
}

/** UTF-16 code-unit order: the same on every machine and in every locale. */
function byName(a: SeedFile, b: SeedFile): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Parses every `.txt` seed into articles in file-name order; other files are ignored. */
export function buildCorpus(files: readonly SeedFile[]): Corpus {
  const skipped: SeedProblem[] = [];
  const warnings: SeedProblem[] = [];
  const parsed: ParsedFile[] = [];
  const ids = new Set<string>();

  for (const file of [...files].filter((f) => SEED_EXTENSION.test(f.name)).sort(byName)) {
    const result = parseSeed(file.bytes);
    if (!result.ok) {
      skipped.push({ file: file.name, message: result.reason });
      continue;
    }
    for (const message of result.warnings) warnings.push({ file: file.name, message });
    // The id is the name without ".txt"; "story.TXT" beside "story.txt" keeps its whole name, so ids never collide.
    const short = file.name.replace(SEED_EXTENSION, '');
    const id = ids.has(short) ? file.name : short;
    ids.add(id);
    parsed.push({ id, file: file.name, headline: result.headline, paragraphs: result.paragraphs });
  }

  warnings.push(...sameAsEarlierWarnings(parsed));
  const slugs = assignSlugs(parsed);
  const articles = parsed.map(({ file: _file, ...article }, index): Article => ({
    ...article,
    slug: slugs[index] ?? article.id,
    excerpt: excerptOf(article.paragraphs),
    wordCount: countWords(article.paragraphs),
    readingMinutes: readingMinutes(article.paragraphs),
    lang: detectLanguage(`${article.headline}\n${article.paragraphs.join('\n')}`),
  }));
  return { articles, skipped, warnings };
}

/**
 * Warnings for files that repeat an earlier one (both are still built: nothing is dropped) and
 * for headlines too long to show whole in the list.
 */
function sameAsEarlierWarnings(parsed: readonly ParsedFile[]): SeedProblem[] {
  const warnings: SeedProblem[] = [];
  const firstByText = new Map<string, string>();
  const firstByHeadline = new Map<string, string>();
  for (const { file, headline, paragraphs } of parsed) {
    const textKey = `${shortHash(headline + '\n' + paragraphs.join('\n'))}:${headline.length}:${paragraphs.length}`;
    const sameText = firstByText.get(textKey);
    const sameHeadline = firstByHeadline.get(headline);
    if (sameText) warnings.push({ file, message: `same text as ${sameText}` });
    else if (sameHeadline) warnings.push({ file, message: `same headline as ${sameHeadline}; it gets its own address` });
    if (!sameText) firstByText.set(textKey, file);
    if (!sameHeadline) firstByHeadline.set(headline, file);
    if (headline.length > HEADLINE_DISPLAY_LENGTH) {
      warnings.push({ file, message: `headline is ${headline.length.toLocaleString('en')} characters; the list shows the first ${HEADLINE_DISPLAY_LENGTH}` });
    }
  }
  return warnings;
}

/** The report printed at the end of every build, one `seeds/NAME: reason` line per problem. */
export function formatCorpusReport(corpus: Corpus, seedsLabel = 'seeds'): string {
  const { articles, skipped, warnings } = corpus;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const lines = [
    `${seedsLabel}: ${plural(articles.length, 'article')} built; ${plural(skipped.length, 'file')} skipped; ${plural(warnings.length, 'warning')}`,
  ];
  if (skipped.length > 0) lines.push('Skipped:', ...skipped.map((p) => `  ${seedsLabel}${p.file ? `/${p.file}` : ''}: ${p.message}`));
  if (warnings.length > 0) lines.push('Warnings:', ...warnings.map((p) => `  ${seedsLabel}/${p.file}: ${p.message}`));
  return lines.join('\n');
}
