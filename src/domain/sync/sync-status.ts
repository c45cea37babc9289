/** What the Sync section shows: whom the reader is connected as, when it last synced, and what is wrong. */
export interface SyncStatus {
  state: 'disconnected' | 'connecting' | 'connected';
  /** The storage account: `user@host`, or the Dropbox / Google account's address. */
  connectedAs: string | null;
  /** ISO time of the last sync that completed. */
  lastSyncedAt: string | null;
  /** Records changed on this device and not yet confirmed by the storage. */
  pending: number;
  problem: SyncProblem | null;
  /** Documents from the storage that failed validation and were left out (never shown). */
  skipped: { count: number; firstReason: string } | null;
}

export type SyncProblemKind = 'unreachable' | 'unauthorized' | 'denied' | 'quota' | 'server' | 'not-found' | 'failed';

export interface SyncProblem {
  kind: SyncProblemKind;
  message: string;
}

export const DISCONNECTED: SyncStatus = { state: 'disconnected', connectedAs: null, lastSyncedAt: null, pending: 0, problem: null, skipped: null };

const KEPT = 'Your highlights are kept on this device';

export const PROBLEM_MESSAGES: Record<SyncProblemKind, string> = {
  unreachable: `Your storage cannot be reached (offline, or the server is down). ${KEPT} and sync resumes by itself when it is back.`,
  unauthorized: `Your storage no longer accepts this device (access expired or was revoked). ${KEPT}; reconnect to sync again.`,
  denied: `Your storage did not give this device access, so it is not connected. ${KEPT}.`,
  quota: `Your storage is full, so recent changes could not be saved there. ${KEPT}; free some space in your storage account.`,
  server: `Your storage server had a problem. ${KEPT} and sync tries again shortly.`,
  'not-found': 'No storage was found for that address. Check it is written as user@host, and that the host runs a remoteStorage server.',
  failed: `Sync failed. ${KEPT} and sync tries again shortly.`,
};

/**
 * Sorts an error the sync client reported into something the reader can act on. The client names
 * its errors (`Unauthorized`, `SyncError` for network failures, `DiscoveryError`) and puts the
 * HTTP status of other failures in the message.
 */
export function problemOf(error: { name?: string; message?: string } | null | undefined, options: { connected?: boolean } = {}): SyncProblem {
  const name = error?.name ?? '';
  const message = error?.message ?? '';
  // Refused before ever connecting: the reader said no on the storage's page, or it failed there.
  if (options.connected === false && (name === 'Unauthorized' || /Authorization failed/.test(message))) return { kind: 'denied', message: PROBLEM_MESSAGES.denied };
  const status = /HTTP response code (\d{3})/.exec(message)?.[1];
  const kind: SyncProblemKind =
    name === 'Unauthorized' || status === '401' || status === '403'
      ? 'unauthorized'
      : name === 'DiscoveryError'
        ? 'not-found'
        : name === 'SyncError' || /network|offline|timed? ?out|failed to fetch/i.test(message)
          ? 'unreachable'
          : status === '507'
            ? 'quota'
            : status?.startsWith('5')
              ? 'server'
              : 'failed';
  return { kind, message: PROBLEM_MESSAGES[kind] };
}

/**
 * Which changed records are still unconfirmed. A record sent while a sync runs may miss that
 * sync, so only what was pending when a sync started counts as confirmed when it completes.
 */
export function createPendingTracker() {
  const pending = new Set<string>();
  let inFlight = new Set<string>();
  return {
    changed(path: string) {
      pending.add(path);
    },
    syncStarted() {
      inFlight = new Set(pending);
    },
    syncCompleted() {
      for (const path of inFlight) pending.delete(path);
      inFlight = new Set();
    },
    clear() {
      pending.clear();
      inFlight = new Set();
    },
    get count() {
      return pending.size;
    },
  };
}
