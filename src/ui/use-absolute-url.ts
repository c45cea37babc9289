import { useCallback } from 'react';
import { useHref } from 'react-router-dom';

/** Turns an app path ("/article/x") into a full URL under wherever the app is hosted. */
export function useAbsoluteUrl(): (path: string) => string {
  const base = useHref('/').replace(/\/$/, '');
  return useCallback((path: string) => new URL(base + path, window.location.href).href, [base]);
}
