import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { pageTitle } from '../../config/app.ts';
import { useHydrated } from '../../ui/use-hydrated.ts';
import { SelectField } from '../../ui/select-field.tsx';
import { AppLink } from '../../ui/app-link.tsx';
import { useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { parseHighlightsParams, paths, withParam, type HighlightsParams } from '../../config/paths.ts';
import { shortenHeadline } from '../../domain/articles/shorten-headline.ts';
import type { Article } from '../../domain/articles/article.ts';
import {
  filterHighlights,
  HIGHLIGHT_SORTS,
  sortHighlights,
} from '../../domain/highlights/filter-highlights.ts';
import { groupLocatedHighlights, locateHighlights } from '../../domain/highlights/group-highlights.ts';
import { HIGHLIGHT_COLOR_LABELS, HIGHLIGHT_COLORS, type Highlight } from '../../domain/highlights/highlight.ts';
import { ErrorBoundary } from '../../ui/error-boundary.tsx';
import { HighlightEditor, noteToSave } from './highlight-editor.tsx';
import { UnshowableHighlight } from './unshowable-highlight.tsx';
import { useHighlights, useHighlightStore } from './highlights-context.tsx';
import { ImportExport } from './import-export.tsx';
import { ShareHighlight } from './share-highlight.tsx';
import { UnsavedNoteQuestion } from './unsaved-note-question.tsx';
import { useRemoveHighlight } from './use-remove-highlight.ts';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function HighlightItem({ highlight, article }: { highlight: Highlight; article?: Article }) {
  const href = article && paths.article.getHref(article.slug, { highlight: highlight.id });
  const store = useHighlightStore();
  const removeHighlight = useRemoveHighlight();
  const [editing, setEditing] = useState(false);
  // The note being written (null when it is the saved one): Close asks before throwing it away.
  const draft = useRef<string | null>(null);
  const [asking, setAsking] = useState(false);
  const editorRef = useRef<HTMLDivElement>(null);
  const stopEditing = () => {
    draft.current = null;
    setAsking(false);
    setEditing(false);
  };
  const quote = (
    <q dir="auto" className="whitespace-pre-line">
      {highlight.quote.exact}
    </q>
  );
  return (
    <li className="border-s-4 border-(--highlight) ps-4" data-color={highlight.color}>
      {href ? (
        <AppLink to={href} className="block font-serif text-lg leading-relaxed hover:underline focus-visible:underline">
          {quote}
        </AppLink>
      ) : (
        <p className="font-serif text-lg leading-relaxed">{quote}</p>
      )}
      {highlight.note && !editing && (
        <p dir="auto" className="mt-1 whitespace-pre-line text-stone-800 dark:text-stone-200">
          <span className="font-semibold">Note: </span>
          {highlight.note}
        </p>
      )}
      <div className="mt-1 flex flex-wrap items-center gap-x-3 text-sm text-stone-600 dark:text-stone-400">
        <span className="inline-flex items-center gap-1">
          <span className="swatch size-3" data-color={highlight.color} aria-hidden="true" />
          {HIGHLIGHT_COLOR_LABELS[highlight.color]}
        </span>
        <time dateTime={highlight.createdAt}>{dateFormat.format(new Date(highlight.createdAt))}</time>
        <button
          type="button"
          aria-expanded={editing}
          onClick={() => {
            if (!editing) setEditing(true);
            else if (draft.current !== null) setAsking(true);
            else stopEditing();
          }}
          className="min-h-11 underline underline-offset-2"
        >
          {editing ? 'Close' : 'Edit'}
          <span className="sr-only"> highlight “{highlight.quote.exact.slice(0, 40)}”</span>
        </button>
        <button type="button" onClick={() => removeHighlight(highlight.id)} className="min-h-11 text-red-800 underline underline-offset-2 dark:text-red-300">
          Delete<span className="sr-only"> highlight “{highlight.quote.exact.slice(0, 40)}”</span>
        </button>
      </div>
      {editing && (
        <div ref={editorRef} className="mt-2 rounded-lg border border-stone-300 p-3 dark:border-stone-600">
          <HighlightEditor
            highlight={highlight}
            onColor={(color) => store.update(highlight.id, { color })}
            onDraftChange={(note) => {
              draft.current = note;
            }}
            onSaveNote={(note) => {
              store.update(highlight.id, { note });
              stopEditing();
            }}
            onRemove={() => removeHighlight(highlight.id)}
            share={article && <ShareHighlight highlight={highlight} articleSlug={article.slug} articleHeadline={article.headline} />}
          />
          {asking && (
            <UnsavedNoteQuestion
              onSave={() => {
                store.update(highlight.id, { note: noteToSave(draft.current ?? highlight.note) });
                stopEditing();
              }}
              onDiscard={stopEditing}
              onKeepEditing={() => {
                setAsking(false);
                editorRef.current?.querySelector('textarea')?.focus();
              }}
            />
          )}
        </div>
      )}
    </li>
  );
}

/** Every highlight, findable by colour, article and words, each linking back to its exact place. */
export function HighlightsPage({ articles, loadingArticleIds }: { articles: readonly Article[]; loadingArticleIds?: ReadonlySet<string> }) {
  useDocumentTitle(pageTitle('Highlights'));
  const { highlights: allHighlights } = useHighlights();
  // Highlights in articles still being fetched wait for them, rather than show as not found.
  const highlights = useMemo(
    () => (loadingArticleIds?.size ? allHighlights.filter((h) => !loadingArticleIds.has(h.articleId)) : allHighlights),
    [allHighlights, loadingArticleIds],
  );
  const [urlParams, setParams] = useSearchParams();
  const hydrated = useHydrated();
  const params = hydrated ? urlParams : new URLSearchParams();
  const { q: query, color, article: articleId, sort } = parseHighlightsParams(params);

  const articleOrder = useMemo(() => new Map(articles.map((a, index) => [a.id, index])), [articles]);
  // Anchoring (the costly part) runs when highlights change, not on every keystroke of the search.
  const located = useMemo(() => locateHighlights(highlights, articles), [highlights, articles]);
  const { groups, orphans } = useMemo(() => {
    const shown = sortHighlights(filterHighlights(highlights, { query, color, articleId }), sort, articleOrder);
    return groupLocatedHighlights(shown, articles, located, sort !== 'article');
  }, [highlights, located, query, color, articleId, sort, articleOrder, articles]);
  const articlesWithHighlights = articles.filter((a) => highlights.some((h) => h.articleId === a.id));
  const shownCount = groups.reduce((sum, g) => sum + g.highlights.length, 0) + orphans.length;
  const filtered = query !== '' || color !== null || articleId !== null;

  const setParam = (name: keyof HighlightsParams, value: string) =>
    setParams((previous) => withParam<HighlightsParams>(previous, name, value), { replace: true, preventScrollReset: true, flushSync: true });

  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-3xl font-bold tracking-tight">Highlights</h1>

      {highlights.length === 0 && allHighlights.length > 0 ? (
        <p role="status" className="mt-6 text-lg">
          Loading your highlights…
        </p>
      ) : highlights.length === 0 ? (
        <p className="mt-6 text-lg">
          You have no highlights yet. Open an article, select a passage with the mouse, by touch or with the keyboard, and press{' '}
          <strong>Highlight</strong> (or the <kbd>h</kbd> key).{' '}
          <AppLink to={paths.library.getHref()} className="link">
            Browse articles
          </AppLink>
        </p>
      ) : (
        <>
          <search className="mt-6 grid grid-cols-3 gap-2 sm:gap-3">
            <div className="col-span-3 flex min-w-0 flex-col gap-1">
              <label htmlFor="highlight-search" className="text-sm font-medium">
                Search quotes and notes
              </label>
              <input id="highlight-search" type="search" value={query} onChange={(e) => setParam('q', e.target.value)} autoComplete="off" className="field" />
            </div>
            <SelectField
              compact
              label="Colour"
              value={color ?? ''}
              options={[{ value: '', label: 'All colours' }, ...HIGHLIGHT_COLORS.map((c) => ({ value: c, label: `${HIGHLIGHT_COLOR_LABELS[c]} (${highlights.filter((h) => h.color === c).length})` }))]}
              onChange={(value) => setParam('color', value)}
            />
            <SelectField
              compact
              label="Article"
              value={articleId ?? ''}
              options={[{ value: '', label: 'All articles' }, ...articlesWithHighlights.map((a) => ({ value: a.id, label: shortenHeadline(a.headline, 80) }))]}
              onChange={(value) => setParam('article', value)}
            />
            <SelectField compact label="Sort by" value={sort} options={HIGHLIGHT_SORTS} onChange={(value) => setParam('sort', value === 'article' ? '' : value)} />
          </search>
          <p role="status" className="mt-4 text-stone-600 dark:text-stone-400">
            {filtered
              ? `Showing ${shownCount} of ${highlights.length} highlight${highlights.length === 1 ? '' : 's'}`
              : `${highlights.length} highlight${highlights.length === 1 ? '' : 's'} in ${articlesWithHighlights.length} article${articlesWithHighlights.length === 1 ? '' : 's'}`}
          </p>
        </>
      )}

      {groups.map(({ article, highlights: own }) => (
        // Labelled by slug: ids are file names and may hold spaces, which break an id reference.
        <section key={article.id} aria-labelledby={`group-${article.slug}`} className="mt-10">
          <h2 id={`group-${article.slug}`} dir="auto" className="font-serif text-xl font-semibold">
            <AppLink to={paths.article.getHref(article.slug)} className="headline-link">
              {article.headline}
            </AppLink>
          </h2>
          <ul className="mt-4 space-y-6">
            {own.map((highlight) => (
              <ErrorBoundary key={highlight.id} fallback={(error) => <UnshowableHighlight highlight={highlight} error={error} />}>
                <HighlightItem highlight={highlight} article={article} />
              </ErrorBoundary>
            ))}
          </ul>
        </section>
      ))}

      {orphans.length > 0 && (
        <section aria-labelledby="orphans" className="mt-12 rounded-lg border border-dashed border-stone-400 p-4">
          <h2 id="orphans" className="text-xl font-semibold">
            Not found in the current text
          </h2>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            These passages are no longer in their article, or the article was removed. They are kept here so nothing is lost.
          </p>
          <ul className="mt-4 space-y-6">
            {orphans.map((highlight) => (
              <li key={highlight.id} className="list-none">
                <p dir="auto" className="text-sm font-semibold">
                  From: {articles.find((a) => a.id === highlight.articleId)?.headline ?? (highlight.articleHeadline || 'an article that is no longer here')}
                </p>
                <ul>
                  <ErrorBoundary fallback={(error) => <UnshowableHighlight highlight={highlight} error={error} />}>
                    <HighlightItem highlight={highlight} />
                  </ErrorBoundary>
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}

      <ImportExport />
    </div>
  );
}
