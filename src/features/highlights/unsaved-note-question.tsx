import { useEffect, useId, useRef } from 'react';

/**
 * Asked when the reader closes a highlight's editor (Escape, a press outside, Close) with a note
 * not yet saved: a note is never thrown away without the reader choosing so.
 */
export function UnsavedNoteQuestion({ onSave, onDiscard, onKeepEditing }: { onSave: () => void; onDiscard: () => void; onKeepEditing: () => void }) {
  const titleId = useId();
  const saveRef = useRef<HTMLButtonElement>(null);

  // Focus goes to the answer that loses nothing, and brings the question into view on a small screen.
  useEffect(() => {
    saveRef.current?.focus();
  }, []);

  return (
    <div role="group" aria-labelledby={titleId} className="mt-3 rounded-md border border-amber-700 bg-amber-50 p-3 dark:border-amber-400 dark:bg-stone-900">
      <p id={titleId} className="text-sm font-semibold">
        Discard changes to your note?
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button ref={saveRef} type="button" onClick={onSave} className="min-h-11 rounded-md bg-stone-800 px-4 text-sm font-semibold text-white dark:bg-stone-200 dark:text-stone-900">
          Save note
        </button>
        <button type="button" onClick={onDiscard} className="min-h-11 rounded-md px-3 text-sm font-semibold text-red-800 hover:bg-red-50 dark:text-red-300 dark:hover:bg-red-950">
          Discard changes
        </button>
        <button type="button" onClick={onKeepEditing} className="min-h-11 rounded-md px-3 text-sm font-semibold underline underline-offset-2">
          Keep editing
        </button>
      </div>
    </div>
  );
}
