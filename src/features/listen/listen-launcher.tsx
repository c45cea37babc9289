import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { paths } from '../../config/paths.ts';
import type { Article } from '../../domain/articles/article.ts';
import type { ArticleLink } from '../../domain/articles/corpus-layout.ts';
import { isShortcutEvent, useShortcutsEnabled } from '../../ui/keyboard.ts';
import { useHydrated } from '../../ui/use-hydrated.ts';
import { useReadingProgress } from '../../data/reading/reading-context.tsx';
import { startFromScreen, type ListenStart } from './listen-start.ts';

// The player, its speech code and its sentence splitting load on first use: nothing of it is in the first view.
const ListenPlayer = lazy(() => import('./listen-player.tsx'));

interface PlayerRequest {
  start: ListenStart;
  takeFocus: boolean;
}
const CONTINUE_FROM_HEADLINE: PlayerRequest = { start: { kind: 'headline' }, takeFocus: false };

/** Navigation state that asks the next article to go on reading aloud. */
interface ListenNavigationState {
  listen?: boolean;
}

function resumeLabel(article: Article, offset: number): string {
  const text = article.paragraphs.join('\n');
  const words = text.slice(offset).split(/\s+/).filter(Boolean);
  return `${words.slice(0, 6).join(' ')}${words.length > 6 ? '…' : ''}`;
}

/**
 * The Listen button (and `l`), the offer to resume where listening stopped, and the player once
 * asked for. Small on purpose: the player itself is a chunk of its own.
 */
export function ListenLauncher({ article, next }: { article: Article; next: ArticleLink | null | undefined }) {
  const location = useLocation();
  const navigate = useNavigate();
  const continued = (location.state as ListenNavigationState | null)?.listen === true;
  // Undefined until the reader opens or closes the player: then it is open only when the previous
  // article asked to go on, and only once hydrated (a reloaded page hydrates its prerendered HTML first).
  const [chosen, setPlayer] = useState<PlayerRequest | null | undefined>(undefined);
  const hydrated = useHydrated();
  const player = chosen === undefined ? (continued && hydrated ? CONTINUE_FROM_HEADLINE : null) : chosen;
  const shortcutsEnabled = useShortcutsEnabled();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const saved = useReadingProgress()[article.id]?.listening;
  const resumeFrom = useMemo(() => (saved && saved.offset < article.paragraphs.join('\n').length ? saved.offset : null), [saved, article]);

  useEffect(() => {
    if (player || !shortcutsEnabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'l' || !isShortcutEvent(event) || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      setPlayer({ start: startFromScreen(), takeFocus: false });
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [player, shortcutsEnabled]);

  const onNextArticle = useCallback(() => {
    if (next) void navigate(paths.article.getHref(next.slug), { state: { listen: true } satisfies ListenNavigationState });
  }, [navigate, next]);

  // Words only, no icon: inside <article> nothing but text is expected (an <svg> there is what the
  // hostile-input test looks for as injected markup).
  return (
    <div className="mt-4 flex flex-wrap gap-2 font-sans print:hidden" data-needs-js>
      <button
        ref={buttonRef}
        type="button"
        onClick={() => setPlayer(player ? null : { start: startFromScreen(), takeFocus: true })}
        className="inline-flex min-h-11 items-center rounded-full border border-stone-500 px-4 text-sm font-semibold hover:bg-stone-100 dark:hover:bg-stone-800"
      >
        {player ? 'Stop listening' : 'Listen'}
      </button>
      {resumeFrom !== null && !player && (
        <button
          type="button"
          onClick={() => setPlayer({ start: { kind: 'offset', offset: resumeFrom }, takeFocus: true })}
          className="min-h-11 max-w-full rounded-full px-4 text-start text-sm text-blue-800 underline underline-offset-2 hover:decoration-2 dark:text-sky-300"
        >
          Resume listening from “<bdi>{resumeLabel(article, resumeFrom)}</bdi>”
        </button>
      )}
      {player && (
        <Suspense fallback={null}>
          <ListenPlayer article={article} start={player.start} takeFocus={player.takeFocus} onNextArticle={next ? onNextArticle : null} onClose={() => {
              setPlayer(null);
              buttonRef.current?.focus();
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
