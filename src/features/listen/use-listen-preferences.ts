import { useCallback, useEffect, useState } from 'react';
import { LISTEN_PREFERENCES_KEY, parseListenPreferences, type ListenPreferences } from '../../domain/listening/listen-preferences.ts';

function read(): ListenPreferences {
  try {
    return parseListenPreferences(window.localStorage.getItem(LISTEN_PREFERENCES_KEY));
  } catch {
    return parseListenPreferences(null);
  }
}

/** Speed, voices and "continue" as the reader left them (if storage fails, they last the visit). */
export function useListenPreferences(): [ListenPreferences, (change: (current: ListenPreferences) => ListenPreferences) => void] {
  const [preferences, setPreferences] = useState(read);

  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === LISTEN_PREFERENCES_KEY) setPreferences(read());
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const update = useCallback((change: (current: ListenPreferences) => ListenPreferences) => {
    setPreferences((current) => {
      const next = change(current);
      try {
        window.localStorage.setItem(LISTEN_PREFERENCES_KEY, JSON.stringify(next));
      } catch {
        // A preference: it still applies to this visit.
      }
      return next;
    });
  }, []);

  return [preferences, update];
}
