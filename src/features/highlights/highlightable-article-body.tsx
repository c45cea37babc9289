import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Article } from '../../domain/articles/article.ts';
import { paragraphStarts } from '../../domain/articles/article-text.ts';
import { segmentParagraph } from '../../domain/highlights/text-segments.ts';
import type { DocumentBox } from '../../ui/floating-panel.tsx';
import { HighlightMenu } from './highlight-menu.tsx';
import { useHighlightStore } from './highlights-context.tsx';
import { SelectionToolbar } from './selection-toolbar.tsx';
import { useArticleAnchors } from './use-article-anchors.ts';
import { useTextSelection } from './use-text-selection.ts';

export const HIGHLIGHT_QUERY_PARAM = 'highlight';

function documentBox(element: Element): DocumentBox {
  const rect = element.getBoundingClientRect();
  return { top: rect.top + window.scrollY, bottom: rect.bottom + window.scrollY, left: rect.left + window.scrollX, right: rect.right + window.scrollX };
}

function markOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>('mark[data-highlight-ids]') : null;
}

/**
 * The article's paragraphs with the reader's highlights drawn in as <mark>s. Selecting text offers
 * a Highlight button; pressing a mark offers to remove it. The text itself is never altered: marks
 * only wrap runs of it, computed from the highlights' positions.
 */
export function HighlightableArticleBody({ article }: { article: Article }) {
  const store = useHighlightStore();
  const rootRef = useRef<HTMLDivElement>(null);
  const { text, anchored } = useArticleAnchors(article);
  const starts = useMemo(() => paragraphStarts(article.paragraphs), [article]);
  const [selection, clearSelection] = useTextSelection(rootRef);
  const [menu, setMenu] = useState<{ ids: string[]; mark: HTMLElement; anchor: DocumentBox } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [searchParams] = useSearchParams();
  const target = searchParams.get(HIGHLIGHT_QUERY_PARAM);
  const targetIsShown = target !== null && anchored.some((a) => a.id === target);

  useEffect(() => {
    if (!targetIsShown || !target) return;
    const mark = rootRef.current?.querySelector<HTMLElement>(`mark[data-highlight-starts~="${CSS.escape(target)}"]`);
    if (!mark) return;
    mark.scrollIntoView({ block: 'center', behavior: 'instant' });
    mark.focus({ preventScroll: true });
  }, [target, targetIsShown]);

  const createHighlight = () => {
    if (!selection) return;
    const highlight = store.add(article.id, text, selection.span);
    document.getSelection()?.removeAllRanges();
    clearSelection();
    if (highlight) setAnnouncement(`Highlighted: ${highlight.quote.exact}`);
  };

  const openMenu = (mark: HTMLElement) => {
    setMenu({ ids: (mark.dataset.highlightIds ?? '').split(' ').filter(Boolean), mark, anchor: documentBox(mark) });
  };

  const closeMenu = useCallback(() => setMenu(null), []);
  const closeMenuAndReturnFocus = useCallback(() => {
    setMenu(null);
    if (menu?.mark.isConnected) menu.mark.focus({ preventScroll: true });
  }, [menu]);

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

  const menuHighlights = menu ? anchored.filter((a) => menu.ids.includes(a.id)).map((a) => a.highlight) : [];

  return (
    <>
      {/* Clicks and keys are delegated from the marks, which are focusable, to this container. */}
      {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions, jsx-a11y/click-events-have-key-events */}
      <div ref={rootRef} onClick={onClick} onKeyDown={onKeyDown} className="article-body" data-testid="article-body">
        {article.paragraphs.map((paragraph, index) => {
          const start = starts[index] ?? 0;
          return (
            <p key={start} data-text-start={start} dir="auto">
              {segmentParagraph(paragraph, start, anchored).map((segment) =>
                segment.highlightIds.length === 0 ? (
                  segment.text
                ) : (
                  <mark
                    key={segment.start}
                    data-highlight-ids={segment.highlightIds.join(' ')}
                    data-highlight-starts={segment.startingIds.join(' ') || undefined}
                    data-overlap={segment.highlightIds.length > 1 || undefined}
                    tabIndex={segment.startingIds.length > 0 ? 0 : -1}
                    aria-describedby="highlight-hint"
                  >
                    {segment.text}
                  </mark>
                ),
              )}
            </p>
          );
        })}
      </div>
      <span id="highlight-hint" hidden>
        Highlighted. Press Enter for options.
      </span>
      <div aria-live="polite" className="sr-only">
        {announcement}
      </div>
      {selection && <SelectionToolbar selection={selection} onHighlight={createHighlight} />}
      {menu && menuHighlights.length > 0 && (
        <HighlightMenu
          anchor={menu.anchor}
          highlights={menuHighlights}
          onClose={closeMenuAndReturnFocus}
          onRemove={(id) => {
            store.remove(id);
            setAnnouncement('Highlight removed.');
            closeMenu();
          }}
        />
      )}
    </>
  );
}
