import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal built on the native <dialog>: the browser makes the rest of the page inert (focus stays
 * inside; the app's shortcut handlers also stand down while one is open), Escape closes it, and
 * focus goes back to the control that opened it.
 */
export function ModalDialog({ title, open, onClose, children }: { title: string; open: boolean; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  return (
    // The backdrop press has a keyboard equivalent already: the dialog's native Escape.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={() => {
        onClose();
        if (opener.current instanceof HTMLElement) opener.current.focus();
      }}
      onClick={(event) => {
        // A press on the backdrop (outside the panel) closes it, as a reader expects.
        if (event.target === ref.current) ref.current?.close();
      }}
      className="m-auto max-h-[calc(100dvh-2rem)] w-[min(34rem,calc(100vw-1rem))] rounded-xl border border-stone-300 bg-white p-0 text-stone-900 shadow-2xl backdrop:bg-black/50 dark:border-stone-600 dark:bg-stone-800 dark:text-stone-100"
    >
      {open && (
        <div className="p-5">
          <div className="mb-4 flex items-center justify-between gap-4">
            <h2 id={titleId} className="text-xl font-semibold">
              {title}
            </h2>
            <button type="button" onClick={() => ref.current?.close()} className="min-h-11 rounded-md px-3 font-medium underline underline-offset-2">
              Close
            </button>
          </div>
          {children}
        </div>
      )}
    </dialog>
  );
}
