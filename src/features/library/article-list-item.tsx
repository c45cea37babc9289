import { AppLink } from '../../ui/app-link.tsx';
import type { ArticleSummary } from '../../domain/articles/article.ts';
import { paths } from '../../config/paths.ts';
import { shortenHeadline } from '../../domain/articles/shorten-headline.ts';
import { READING_STATUS_LABELS, type ArticleProgress, type ReadingStatus } from '../../domain/reading/reading-progress.ts';
import { markMatches } from '../../domain/search/search-terms.ts';
import { LIST_LINK_ATTRIBUTE } from './use-list-keys.ts';

/** Text with the words a search matched in <mark>: React renders each part as text, never as HTML. */
function Marked({ text, terms }: { text: string; terms: readonly string[] }) {
  if (terms.length === 0) return text;
  return markMatches(text, terms).map((segment, index) =>
    segment.match ? (
      <mark key={index} className="search-match">
        {segment.text}
      </mark>
    ) : (
      segment.text
    ),
  );
}

export interface ArticleListItemProps {
  article: ArticleSummary;
  highlightCount: number;
  status: ReadingStatus;
  progress: ArticleProgress | undefined;
  onSetRead: (read: boolean) => void;
  /** Words a search matched, marked in the headline and excerpt. */
  terms?: readonly string[];
  /** The reader is about to open this article (pointer over its link, a touch, or focus). */
  onIntent?: () => void;
}

export function ArticleListItem({ article, highlightCount, status, progress, onSetRead, terms = [], onIntent }: ArticleListItemProps) {
  const headline = shortenHeadline(article.headline);
  return (
    <div data-status={status}>
      <h2 dir="auto" className="flex items-baseline gap-2 font-serif text-xl leading-snug font-semibold">
        {status === 'unread' && <span data-needs-js className="inline-block size-2.5 shrink-0 rounded-full bg-blue-700 dark:bg-sky-300" aria-hidden="true" />}
        <AppLink to={paths.article.getHref(article.slug)} className={`headline-link min-w-0 break-words ${status === 'read' ? 'font-normal' : ''}`}
          onPointerEnter={onIntent}
          onTouchStart={onIntent}
          onFocus={onIntent}
          {...{ [LIST_LINK_ATTRIBUTE]: '' }}
        >
          <Marked text={headline} terms={terms} />
        </AppLink>
      </h2>
      <p dir="auto" className="mt-2 leading-relaxed break-words text-stone-700 dark:text-stone-300">
        <Marked text={article.excerpt} terms={terms} />
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-x-3 text-sm text-stone-600 dark:text-stone-400">
        <span>{article.readingMinutes} min read</span>
        <span aria-hidden="true">·</span>
        <span>
          {highlightCount} highlight{highlightCount === 1 ? '' : 's'}
        </span>
        <span data-needs-js aria-hidden="true">
          ·
        </span>
        <span data-needs-js>
          {READING_STATUS_LABELS[status]}
          {status === 'in-progress' && progress ? ` (${Math.round(progress.progress * 100)}%)` : ''}
        </span>
        <button type="button" data-needs-js onClick={() => onSetRead(status !== 'read')} className="min-h-11 underline underline-offset-2 hover:no-underline">
          {status === 'read' ? 'Mark as unread' : 'Mark as read'}
          <span className="sr-only">: {headline}</span>
        </button>
      </div>
    </div>
  );
}
