import { useCallback, useEffect, useState } from 'react';
import { parseSettings, READER_SETTINGS_KEY, settingsAttributes, type ReaderSettings } from '../../domain/reading/reader-settings.ts';

function readSettings(): ReaderSettings {
  try {
    return parseSettings(window.localStorage.getItem(READER_SETTINGS_KEY));
  } catch {
    return parseSettings(null);
  }
}

function applySettings(settings: ReaderSettings): void {
  for (const [name, value] of Object.entries(settingsAttributes(settings))) document.documentElement.setAttribute(name, value);
}

/** The reader's settings, saved in the browser (a preference: if it cannot be saved, it lasts the visit). */
export function useReaderSettings(): [ReaderSettings, (changes: Partial<ReaderSettings>) => void] {
  const [settings, setSettings] = useState(readSettings);

  useEffect(() => applySettings(settings), [settings]);

  // Another tab changed the settings: follow it.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === READER_SETTINGS_KEY) setSettings(readSettings());
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const update = useCallback((changes: Partial<ReaderSettings>) => {
    setSettings((current) => {
      const next = { ...current, ...changes };
      try {
        window.localStorage.setItem(READER_SETTINGS_KEY, JSON.stringify(next));
      } catch {
        // Blocked or full storage: the setting still applies to this visit.
      }
      return next;
    });
  }, []);

  return [settings, update];
}
