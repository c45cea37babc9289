import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { HIGHLIGHT_COLOR_LABELS, HIGHLIGHT_COLORS, MAX_NOTE_LENGTH, type Highlight, type HighlightColor } from '../../domain/highlights/highlight.ts';

export interface HighlightEditorProps {
  highlight: Highlight;
  onColor: (color: HighlightColor) => void;
  onSaveNote: (note: string) => void;
  onRemove: () => void;
  /** Open with the note field focused (after "Highlight with note"). */
  focusNote?: boolean;
  /** Sharing controls for this highlight, when it has a place to link to. */
  share?: ReactNode;
  /** Told the note being written whenever it differs from the saved one, and null once it does not. */
  onDraftChange?: (draft: string | null) => void;
}

/** The note as it would be saved. */
export const noteToSave = (draft: string): string => draft.trim();

/** Colour, note and removal of one highlight: used in the article's popover and on the Highlights page. */
export function HighlightEditor({ highlight, onColor, onSaveNote, onRemove, focusNote = false, share, onDraftChange }: HighlightEditorProps) {
  const noteId = useId();
  const [note, setNote] = useState(highlight.note);
  const noteRef = useRef<HTMLTextAreaElement>(null);

  // Not autoFocus: that scrolls to the field before its floating panel has been placed.
  useEffect(() => {
    if (focusNote) noteRef.current?.focus({ preventScroll: true });
  }, [focusNote]);
  const changed = note !== highlight.note;

  return (
    <div className="flex flex-col gap-3">
      <fieldset className="flex flex-wrap items-center gap-1">
        <legend className="sr-only">Colour</legend>
        {HIGHLIGHT_COLORS.map((color) => (
          <button
            key={color}
            type="button"
            aria-pressed={highlight.color === color}
            onClick={() => onColor(color)}
            className="inline-flex min-h-11 items-center gap-2 rounded-md border border-transparent px-2 text-sm hover:bg-stone-100 aria-pressed:border-stone-500 aria-pressed:font-semibold dark:hover:bg-stone-700"
          >
            <span className="swatch" data-color={color} aria-hidden="true" />
            {HIGHLIGHT_COLOR_LABELS[color]}
          </button>
        ))}
      </fieldset>
      {share}
      <form
        className="flex flex-col gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          onSaveNote(noteToSave(note));
        }}
      >
        <label htmlFor={noteId} className="text-sm font-medium">
          Note
        </label>
        <textarea
          id={noteId}
          value={note}
          ref={noteRef}
          maxLength={MAX_NOTE_LENGTH}
          rows={3}
          onChange={(event) => {
            const draft = event.target.value;
            setNote(draft);
            onDraftChange?.(noteToSave(draft) === highlight.note ? null : draft);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
              event.preventDefault();
              onSaveNote(noteToSave(note));
            }
          }}
          className="field min-h-20 w-full py-2"
        />
        <div className="flex flex-wrap justify-between gap-2">
          <button type="submit" disabled={!changed} className="min-h-11 rounded-md bg-stone-800 px-4 text-sm font-semibold text-white disabled:opacity-50 dark:bg-stone-200 dark:text-stone-900">
            Save note
          </button>
          <button type="button" onClick={onRemove} className="min-h-11 rounded-md px-3 text-sm font-semibold text-red-800 hover:bg-red-50 dark:text-red-300 dark:hover:bg-red-950">
            Remove highlight
          </button>
        </div>
      </form>
    </div>
  );
}
