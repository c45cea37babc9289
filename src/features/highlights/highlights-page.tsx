import { Link } from 'react-router-dom';
import type { Article } from '../../domain/articles/article.ts';
import { groupHighlights } from '../../domain/highlights/group-highlights.ts';
import type { Highlight } from '../../domain/highlights/highlight.ts';
import { paths } from '../../config/paths.ts';
import { useHighlights } from './highlights-context.tsx';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function HighlightTime({ highlight }: { highlight: Highlight }) {
  return (
    <time dateTime={highlight.createdAt} className="text-sm text-stone-600 dark:text-stone-400">
      {dateFormat.format(new Date(highlight.createdAt))}
    </time>
  );
}

export function HighlightsPage({ articles }: { articles: readonly Article[] }) {
  const { highlights } = useHighlights();
  const { groups, orphans } = groupHighlights(highlights, articles);
  const count = highlights.length;

  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <title>Highlights · Broadsheet</title>
      <h1 className="text-3xl font-bold tracking-tight">Highlights</h1>
      {count === 0 ? (
        <p className="mt-6 text-lg">
          You have no highlights yet. Open an article, select a passage with the mouse, by touch or with the keyboard, and
          press <strong>Highlight</strong>.{' '}
          <Link to={paths.library.getHref()} className="link">
            Browse articles
          </Link>
        </p>
      ) : (
        <p className="mt-2 text-stone-600 dark:text-stone-400">
          {count} highlight{count === 1 ? '' : 's'} in {groups.length} article{groups.length === 1 ? '' : 's'}
        </p>
      )}

      {groups.map(({ article, highlights: own }) => (
        <section key={article.id} aria-labelledby={`group-${article.id}`} className="mt-10">
          <h2 id={`group-${article.id}`} dir="auto" className="font-serif text-xl font-semibold">
            <Link to={paths.article.getHref(article.slug)} className="headline-link">
              {article.headline}
            </Link>
          </h2>
          <ul className="mt-4 space-y-4">
            {own.map((highlight) => (
              <li key={highlight.id} className="border-s-4 border-amber-300 ps-4 dark:border-amber-500">
                <Link
                  to={paths.article.getHref(article.slug, { highlight: highlight.id })}
                  className="block font-serif text-lg leading-relaxed hover:underline focus-visible:underline"
                  dir="auto"
                >
                  <q className="whitespace-pre-line">{highlight.quote.exact}</q>
                </Link>
                <HighlightTime highlight={highlight} />
              </li>
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
          <ul className="mt-4 space-y-4">
            {orphans.map((highlight) => (
              <li key={highlight.id} className="border-s-4 border-stone-300 ps-4 dark:border-stone-600">
                <q dir="auto" className="block whitespace-pre-line font-serif text-lg">
                  {highlight.quote.exact}
                </q>
                <HighlightTime highlight={highlight} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
