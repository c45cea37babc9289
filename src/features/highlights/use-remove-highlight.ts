import { useCallback } from 'react';
import { useToast } from '../../ui/toast.tsx';
import { useHighlightStore } from './highlights-context.tsx';

/** Removes a highlight at once and offers Undo for the toast's lifetime: no confirmation dialog to get past. */
export function useRemoveHighlight(): (id: string) => void {
  const store = useHighlightStore();
  const toast = useToast();
  return useCallback(
    (id: string) => {
      const removed = store.remove(id);
      if (!removed) return;
      toast({ message: 'Highlight removed.', action: { label: 'Undo', onAction: () => store.restore(removed) } });
    },
    [store, toast],
  );
}
