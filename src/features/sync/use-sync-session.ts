import { useEffect, useState, useSyncExternalStore } from 'react';
import { DISCONNECTED, type SyncStatus } from '../../domain/sync/sync-status.ts';
import { startedSyncSession } from './sync-loader.ts';
import type { SyncSession } from './sync-session.ts';

const noSubscription = () => () => {};
const disconnected = () => DISCONNECTED;

/** The page's sync session once it exists (it is created by connecting, or on load when connected before). */
export function useSyncSession(): [SyncSession | null, (session: SyncSession) => void] {
  const [session, setSession] = useState<SyncSession | null>(null);
  useEffect(() => {
    let current = true;
    void startedSyncSession()?.then((started) => {
      if (current) setSession(started);
    });
    return () => {
      current = false;
    };
  }, []);
  return [session, setSession];
}

export function useSyncStatus(session: SyncSession | null): SyncStatus {
  return useSyncExternalStore(session?.subscribe ?? noSubscription, session?.getStatus ?? disconnected, disconnected);
}
