import { useEffect, useRef, useState } from 'react';
import type { Highlight } from '../../domain/highlights/highlight.ts';
import { FloatingPanel } from '../../ui/floating-panel.tsx';
import { HighlightEditor, noteToSave } from './highlight-editor.tsx';
import { ShareHighlight } from './share-highlight.tsx';
import { useHighlightStore } from './highlights-context.tsx';
import { UnsavedNoteQuestion } from './unsaved-note-question.tsx';
import { useRemoveHighlight } from './use-remove-highlight.ts';

const QUOTE_PREVIEW_LENGTH = 48;

export function previewQuote(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ');
  return flat.length > QUOTE_PREVIEW_LENGTH ? `${flat.slice(0, QUOTE_PREVIEW_LENGTH).trimEnd()}…` : flat;
}

/**
 * The popover for a pressed mark. Where highlights overlap it first asks which one; then it offers
 * the colour, the note and removal. Escape or a press outside closes it and focus returns to the mark;
 * with a note not yet saved they ask first (save, discard or keep editing), and that press outside
 * does nothing else.
 */
export function HighlightMenu({
  anchor,
  highlights,
  focusNote = false,
  article,
  onClose,
}: {
  anchor: () => Element | null;
  article: { slug: string; headline: string };
  highlights: readonly Highlight[];
  focusNote?: boolean;
  onClose: (options?: { removed?: boolean }) => void;
}) {
  const store = useHighlightStore();
  const removeHighlight = useRemoveHighlight();
  const panelRef = useRef<HTMLDivElement>(null);
  const [chosenId, setChosenId] = useState<string | null>(highlights.length === 1 ? (highlights[0]?.id ?? null) : null);
  const chosen = highlights.find((h) => h.id === chosenId);
  // The note being written (null when it is the saved one), read by the document's listeners.
  const draft = useRef<string | null>(null);
  const [asking, setAsking] = useState(false);
  const askingRef = useRef(false);
  const setAskingBoth = (value: boolean) => {
    askingRef.current = value;
    setAsking(value);
  };
  const keepEditing = () => {
    setAskingBoth(false);
    panelRef.current?.querySelector('textarea')?.focus({ preventScroll: true });
  };

  useEffect(() => {
    // preventScroll: the panel may not be placed yet, and focusing it must not jump the page.
    if (!focusNote || !chosen) panelRef.current?.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
    // Focus moves when the view inside the panel changes (choosing one of several highlights).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosenId]);

  useEffect(() => {
    const outside = (event: Event) => !panelRef.current?.contains(event.target as Node);
    const requestClose = () => {
      if (draft.current === null) onClose();
      else {
        askingRef.current = true;
        setAsking(true);
      }
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      // Escape while asked means "not now": back to the note, which is kept.
      if (askingRef.current) {
        askingRef.current = false;
        setAsking(false);
        panelRef.current?.querySelector('textarea')?.focus({ preventScroll: true });
      } else requestClose();
    };
    const onPointerDown = (event: PointerEvent) => {
      if (outside(event) && !askingRef.current) requestClose();
    };
    // While the question is open, a press outside answers nothing and does nothing: no link is
    // followed and no other mark opened in place of the note being written.
    const onClickCapture = (event: MouseEvent) => {
      if (askingRef.current && outside(event)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('click', onClickCapture, true);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('click', onClickCapture, true);
    };
  }, [onClose]);

  return (
    <FloatingPanel anchor={anchor} placement="below" className="z-40 w-[min(22rem,calc(100vw-1rem))]">
      <div
        ref={panelRef}
        role="dialog"
        aria-label={chosen ? `Highlight: ${previewQuote(chosen.quote.exact)}` : 'Choose a highlight'}
        className="rounded-lg border border-stone-300 bg-white p-3 shadow-lg dark:border-stone-600 dark:bg-stone-800"
      >
        {chosen ? (
          <HighlightEditor
            key={chosen.id}
            highlight={chosen}
            focusNote={focusNote}
            share={<ShareHighlight highlight={chosen} articleSlug={article.slug} articleHeadline={article.headline} />}
            onColor={(color) => store.update(chosen.id, { color })}
            onDraftChange={(note) => {
              draft.current = note;
            }}
            onSaveNote={(note) => {
              store.update(chosen.id, { note });
              onClose();
            }}
            onRemove={() => {
              removeHighlight(chosen.id);
              onClose({ removed: true });
            }}
          />
        ) : (
          <>
            <p className="mb-2 text-sm font-medium">These highlights overlap here. Which one?</p>
            <ul className="flex flex-col gap-1">
              {highlights.map((h) => (
                <li key={h.id}>
                  <button
                    type="button"
                    onClick={() => setChosenId(h.id)}
                    className="flex min-h-11 w-full items-center gap-2 rounded-md px-2 text-start text-sm hover:bg-stone-100 dark:hover:bg-stone-700"
                  >
                    <span className="swatch" data-color={h.color} aria-hidden="true" />
                    <span>“{previewQuote(h.quote.exact)}”</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        {chosen && asking && (
          <UnsavedNoteQuestion
            onSave={() => {
              store.update(chosen.id, { note: noteToSave(draft.current ?? chosen.note) });
              onClose();
            }}
            onDiscard={() => onClose()}
            onKeepEditing={keepEditing}
          />
        )}
      </div>
    </FloatingPanel>
  );
}
