import { createContext, use, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';

/** Long enough to read the message and reach the button by keyboard or thumb. */
export const TOAST_DURATION_MS = 8000;

export interface ToastOptions {
  message: string;
  action?: { label: string; onAction: () => void };
}

type ShowToast = (toast: ToastOptions) => void;

const ToastContext = createContext<ShowToast | null>(null);

export function useToast(): ShowToast {
  const show = use(ToastContext);
  if (!show) throw new Error('useToast must be used inside <ToastProvider>');
  return show;
}

/**
 * One toast at a time at the foot of the screen, announced politely. It stays while hovered or
 * focused, so nobody loses an Undo to a timer while reaching for it.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<(ToastOptions & { key: number }) | null>(null);
  const [paused, setPaused] = useState(false);
  const counter = useRef(0);

  const show = useCallback<ShowToast>((next) => {
    counter.current += 1;
    setToast({ ...next, key: counter.current });
  }, []);

  useEffect(() => {
    if (!toast || paused) return;
    const timer = window.setTimeout(() => setToast(null), TOAST_DURATION_MS);
    return () => window.clearTimeout(timer);
  }, [toast, paused]);

  return (
    <ToastContext value={show}>
      {children}
      <div
        aria-live="polite"
        className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex justify-center p-4"
        onMouseEnter={() => setPaused(true)}
        onMouseLeave={() => setPaused(false)}
        onFocus={() => setPaused(true)}
        onBlur={() => setPaused(false)}
      >
        {toast && (
          <div
            key={toast.key}
            className="on-dark pointer-events-auto flex max-w-full items-center gap-3 rounded-lg bg-stone-900 px-4 py-2 text-white shadow-lg dark:bg-stone-100 dark:text-stone-900"
          >
            <span>{toast.message}</span>
            {toast.action && (
              <button
                type="button"
                className="min-h-11 rounded-md px-3 font-semibold text-amber-300 underline underline-offset-2 dark:text-blue-800"
                onClick={() => {
                  toast.action?.onAction();
                  setToast(null);
                }}
              >
                {toast.action.label}
              </button>
            )}
            <button type="button" aria-label="Dismiss" className="min-h-11 min-w-11 rounded-md text-lg" onClick={() => setToast(null)}>
              <span aria-hidden="true">×</span>
            </button>
          </div>
        )}
      </div>
    </ToastContext>
  );
}
