/** What the build hands the app for each seed file. */
export interface Article {
  /** Stable across builds: the seed's file name without `.txt`. Highlights are keyed by it. */
  id: string;
  /** Readable, URL-safe, unique; taken from the headline. */
  slug: string;
  headline: string;
  paragraphs: string[];
  /** Start of the first paragraph, for the list. */
  excerpt: string;
  wordCount: number;
  readingMinutes: number;
  /** BCP 47 language guessed from the text, for hyphenation and speech; absent when unsure. */
  lang?: string | undefined;
}

export type ArticleSummary = Omit<Article, 'paragraphs'>;
