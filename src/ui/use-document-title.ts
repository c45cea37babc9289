import { useEffect } from 'react';

/**
 * Sets the page title after render. The built HTML of every route already carries its title, so
 * the first paint is right; this keeps it right as the reader moves around the app.
 */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
