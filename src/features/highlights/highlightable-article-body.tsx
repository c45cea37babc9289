import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { HIGHLIGHT_QUERY_PARAM } from '../../config/paths.ts';
import type { Article } from '../../domain/articles/article.ts';
import { paragraphStarts } from '../../domain/articles/article-text.ts';
import { HIGHLIGHT_COLOR_LABELS, type Highlight, type HighlightColor, type TextSpan } from '../../domain/highlights/highlight.ts';
import { segmentParagraph } from '../../domain/highlights/anchoring/text-segments.ts';
import { ErrorBoundary } from '../../ui/error-boundary.tsx';
import { HighlightMenu } from './highlight-menu.tsx';
import { UnshowableHighlight } from './unshowable-highlight.tsx';
import { useHighlightStore } from './highlights-context.tsx';
import { SelectionToolbar } from './selection-toolbar.tsx';
import { useArticleAnchors } from './use-article-anchors.ts';
import { useArticleKeys } from './use-article-keys.ts';
import { useLastColor } from './use-last-color.ts';
import { selectedSpan, useTextSelection } from './use-text-selection.ts';

function markOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>('mark[data-highlight-ids]') : null;
}

function describeHighlight(highlight: Highlight): string {
  return `${HIGHLIGHT_COLOR_LABELS[highlight.color]} highlight${highlight.note ? `, with a note: ${highlight.note}` : ''}. Press Enter for options.`;
}

interface MenuState {
  ids: string[];
  /** The mark the menu belongs to: the first mark of this highlight (it may not be drawn yet). */
  markOf: string;
  /** The pressed mark, when the menu was opened from one (overlaps share a start). */
  mark: HTMLElement | null;
  focusNote: boolean;
}

/**
 * The article's paragraphs with the reader's highlights drawn in as <mark>s. Selecting text (by
 * mouse, touch or keyboard) offers the highlight toolbar; pressing a mark opens its colour, note
 * and removal. The text itself is never altered: marks only wrap runs of it.
 */
export function HighlightableArticleBody({ article }: { article: Article }) {
  const store = useHighlightStore();
  const rootRef = useRef<HTMLDivElement>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const { text, anchored } = useArticleAnchors(article);
  const starts = useMemo(() => paragraphStarts(article.paragraphs), [article]);
  const [selection, clearSelection] = useTextSelection(rootRef);
  const [lastColor, setLastColor] = useLastColor();
  const [menu, setMenu] = useState<MenuState | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // Why the last selection could not be highlighted (too long to store): shown until the next try.
  const [refusal, setRefusal] = useState<string | null>(null);
  const [searchParams] = useSearchParams();
  const target = searchParams.get(HIGHLIGHT_QUERY_PARAM);
  const targetIsShown = target !== null && anchored.some((a) => a.id === target);

  const findMark = useCallback(
    (id: string) => rootRef.current?.querySelector<HTMLElement>(`mark[data-highlight-starts~="${CSS.escape(id)}"]`) ?? null,
    [],
  );

  useEffect(() => {
    if (!targetIsShown || !target) return;
    const mark = findMark(target);
    mark?.scrollIntoView({ block: 'center', behavior: 'instant' });
    mark?.focus({ preventScroll: true });
  }, [target, targetIsShown, findMark]);

  const openMenu = (mark: HTMLElement) => {
    const ids = (mark.dataset.highlightIds ?? '').split(' ').filter(Boolean);
    setMenu({ ids, markOf: ids[0] ?? '', mark, focusNote: false });
  };

  const menuMark = () => (menu?.mark?.isConnected ? menu.mark : menu ? findMark(menu.markOf) : null);

  const highlightSpan = (span: TextSpan, color: HighlightColor, withNote: boolean) => {
    const outcome = store.tryAdd({ articleId: article.id, articleHeadline: article.headline, text, span, color });
    // A passage that cannot be kept stays selected, so the reader can shorten it.
    if (!outcome.ok && outcome.reason !== 'empty') {
      setRefusal(outcome.message);
      return;
    }
    setRefusal(null);
    setLastColor(color);
    document.getSelection()?.removeAllRanges();
    clearSelection();
    if (!outcome.ok) return;
    const { highlight } = outcome;
    setAnnouncement(`Highlighted ${HIGHLIGHT_COLOR_LABELS[color].toLowerCase()}: ${highlight.quote.exact}`);
    // Keyboard users land on the new mark (drawn in the next render), not on <body>.
    if (!withNote && toolbarRef.current?.contains(document.activeElement)) {
      requestAnimationFrame(() => findMark(highlight.id)?.focus({ preventScroll: true }));
    }
    // The new mark is drawn in the same render as the menu, which measures it once it is there.
    if (withNote) setMenu({ ids: [highlight.id], markOf: highlight.id, mark: null, focusNote: true });
  };

  useArticleKeys(rootRef, {
    onHighlightKey: () => {
      // Read the selection now: the toolbar's state may be a frame behind a fast keyboard.
      const span = rootRef.current && selectedSpan(rootRef.current);
      if (span) return highlightSpan(span, lastColor, false);
      const focused = document.activeElement;
      if (focused instanceof HTMLElement && focused.matches('p[data-text-start]') && rootRef.current?.contains(focused)) {
        const start = Number(focused.dataset.textStart);
        highlightSpan({ start, end: start + (focused.textContent ?? '').length }, lastColor, false);
      }
    },
    onTabToToolbar: () => {
      const toolbar = toolbarRef.current;
      const active = document.activeElement;
      // Only from the selection's own place (the text or nowhere), once: Tab must still leave.
      const fromText = active === document.body || active === null || (rootRef.current?.contains(active) ?? false);
      if (!selection || !toolbar || !fromText) return false;
      const first = toolbar.querySelector('button');
      first?.focus({ preventScroll: true });
      return document.activeElement === first;
    },
    onEscape: () => {
      if (!selection) return;
      // Back to the paragraph the selection started in, not to <body>.
      const range = document.getSelection()?.rangeCount ? document.getSelection()?.getRangeAt(0) : null;
      const paragraph = range?.startContainer.parentElement?.closest<HTMLElement>('p[data-text-start]');
      document.getSelection()?.removeAllRanges();
      clearSelection();
      paragraph?.focus({ preventScroll: true });
    },
  });

  const closeMenu = (options: { removed?: boolean } = {}) => {
    // Back to the mark, or to its paragraph when the mark is about to disappear.
    const mark = menuMark();
    const returnTo = options.removed ? mark?.closest('p') : mark;
    returnTo?.focus({ preventScroll: true });
    setMenu(null);
  };

  const onClick = (event: MouseEvent) => {
    const mark = markOf(event.target);
    // A press that ends a drag selection is a selection, not a request for the menu.
    if (mark && (document.getSelection()?.isCollapsed ?? true)) openMenu(mark);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const mark = markOf(event.target);
    if (mark && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      openMenu(mark);
    }
  };

  const byId = new Map(anchored.map((a) => [a.id, a.highlight]));
  const menuHighlights = menu ? menu.ids.flatMap((id) => byId.get(id) ?? []) : [];

  return (
    <>
      {/* Clicks and keys are delegated from the marks, which are focusable, to this container. */}
      {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions */}
      <div ref={rootRef} onClick={onClick} onKeyDown={onKeyDown} className="article-body" data-testid="article-body">
        {article.paragraphs.map((paragraph, index) => {
          const start = starts[index] ?? 0;
          return (
            // Focusable from script only (j/k), so `h` can highlight a whole paragraph without a selection.
            <p key={start} data-text-start={start} dir="auto" tabIndex={-1}>
              {segmentParagraph(paragraph, start, anchored).map((segment) => {
                if (segment.highlightIds.length === 0) return segment.text;
                const top = byId.get(segment.highlightIds[segment.highlightIds.length - 1] ?? '');
                return (
                  <mark
                    key={segment.start}
                    data-highlight-ids={segment.highlightIds.join(' ')}
                    data-highlight-starts={segment.startingIds.join(' ') || undefined}
                    data-color={top?.color}
                    data-overlap={segment.highlightIds.length > 1 || undefined}
                    data-has-note={segment.highlightIds.some((id) => byId.get(id)?.note) || undefined}
                    tabIndex={segment.startingIds.length > 0 ? 0 : -1}
                    aria-describedby={segment.highlightIds.map((id) => `highlight-description-${id}`).join(' ')}
                  >
                    {segment.text}
                  </mark>
                );
              })}
            </p>
          );
        })}
      </div>
      <div hidden>
        {anchored.map(({ highlight }) => (
          <span key={highlight.id} id={`highlight-description-${highlight.id}`}>
            {describeHighlight(highlight)}
          </span>
        ))}
      </div>
      <div aria-live="polite" className="sr-only">
        {announcement}
      </div>
      {refusal && (
        <div role="alert" className="fixed inset-x-2 bottom-4 z-50 mx-auto flex max-w-lg flex-wrap items-center gap-x-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950 shadow-lg dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          <p className="min-w-0 flex-1 basis-60">{refusal}</p>
          <button type="button" onClick={() => setRefusal(null)} className="min-h-11 rounded px-2 font-medium underline underline-offset-2 hover:no-underline">
            Dismiss
          </button>
        </div>
      )}
      {selection && <SelectionToolbar ref={toolbarRef} selection={selection} lastColor={lastColor} onHighlight={(color, withNote) => highlightSpan(selection.span, color, withNote)} />}
      {menu && menuHighlights.length > 0 && (
        // A highlight the menu cannot show (bad data) must not take the article down with it.
        <ErrorBoundary
          key={menu.ids.join(' ')}
          fallback={(error) => (
            <div role="dialog" aria-label="Highlights that could not be shown" className="fixed inset-x-2 bottom-4 z-50 mx-auto max-w-lg rounded-lg border border-stone-300 bg-white p-3 shadow-lg dark:border-stone-600 dark:bg-stone-800">
              <ul className="space-y-3">
                {menuHighlights.map((h) => (
                  <UnshowableHighlight key={h.id} highlight={h} error={error} />
                ))}
              </ul>
              <button type="button" onClick={() => closeMenu()} className="mt-2 min-h-11 font-medium underline underline-offset-2">
                Close
              </button>
            </div>
          )}
        >
          <HighlightMenu article={article} anchor={menuMark} highlights={menuHighlights} focusNote={menu.focusNote} onClose={closeMenu} />
        </ErrorBoundary>
      )}
    </>
  );
}
