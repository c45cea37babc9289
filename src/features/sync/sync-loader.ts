import type { SyncTargets } from '../../domain/sync/sync-targets.ts';
import { isAuthorizationReturn, SYNC_WANTED_KEY, syncEnabled } from './sync-config.ts';
import type { SyncSession } from './sync-session.ts';

let targets: SyncTargets | null = null;
let session: Promise<SyncSession> | null = null;

function syncWanted(): boolean {
  try {
    return localStorage.getItem(SYNC_WANTED_KEY) !== null;
  } catch {
    return false;
  }
}

/**
 * Gives the sync the app's stores, and starts it only if this device is connected (or is coming
 * back from the storage's authorization page): a reader who never connects downloads none of it.
 */
export function initSync(syncTargets: SyncTargets): void {
  targets = syncTargets;
  if (syncEnabled && (syncWanted() || isAuthorizationReturn(window.location))) void loadSyncSession();
}

/** The sync session, loading the sync client the first time it is asked for. */
export function loadSyncSession(): Promise<SyncSession> {
  const syncTargets = targets;
  if (!syncTargets) return Promise.reject(new Error('initSync was not called'));
  session ??= import('./sync-session.ts').then(({ createSyncSession }) => createSyncSession(syncTargets));
  return session;
}

/** The session if this page has started one, without loading anything. */
export function startedSyncSession(): Promise<SyncSession> | null {
  return session;
}
