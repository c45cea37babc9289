import RemoteStorage from 'remotestoragejs';
import type { ArticleProgress } from '../../domain/reading/reading-progress.ts';
import { highlightsToSend, mergeReadingProgress, readingToSend, storedOfRecords } from '../../domain/sync/merge-records.ts';
import {
  HIGHLIGHTS_FOLDER,
  highlightDocument,
  highlightDocumentPath,
  parseRemoteDocument,
  READING_FOLDER,
  readingDocument,
  readingDocumentPath,
  SYNC_MODULE,
  type HighlightRecord,
  type ReadingRecord,
} from '../../domain/sync/remote-documents.ts';
import { createPendingTracker, DISCONNECTED, problemOf, type SyncStatus } from '../../domain/sync/sync-status.ts';
import type { SyncTargets } from '../../domain/sync/sync-targets.ts';
import { dropboxAppKey, googleClientId, SYNC_WANTED_KEY } from './sync-config.ts';

/** The one document type: validation is valibot's job, on arrival, not the client's on write. */
const RECORD_TYPE = 'broadsheet-record';
/** How often a visible tab asks the storage what changed (the client backs off to a minute in a hidden tab). */
const SYNC_INTERVAL_MS = 3_000;
/** Changes arrive one document at a time; they are taken in together so the stores save once. */
const BATCH_MS = 60;

export type Backend = 'remotestorage' | 'dropbox' | 'googledrive';

export interface SyncSession {
  getStatus(): SyncStatus;
  subscribe(listener: () => void): () => void;
  /** Connects to a remoteStorage account: WebFinger discovery, then OAuth in this window. */
  connect(userAddress: string): void;
  connectTo(backend: Exclude<Backend, 'remotestorage'>): void;
  /** Asks for access again after the storage refused this device's token. */
  reconnect(): void;
  /** Stops syncing; the highlights on this device stay. */
  disconnect(): void;
  /** Syncs now rather than at the next interval. */
  syncNow(): void;
}

interface ChangeEvent {
  origin: 'window' | 'local' | 'remote' | 'conflict';
  relativePath: string;
  newValue?: unknown;
}

const keyOfRecord = (record: HighlightRecord) => (record.kind === 'highlight' ? record.highlight.id : record.tombstone.id);

function setWanted(wanted: boolean) {
  try {
    if (wanted) localStorage.setItem(SYNC_WANTED_KEY, '1');
    else localStorage.removeItem(SYNC_WANTED_KEY);
  } catch {
    // Without storage the connection lasts this visit only.
  }
}

export function createSyncSession({ highlights, reading, site, homeUrl }: SyncTargets): SyncSession {
  const remoteStorage = new RemoteStorage({
    cache: true,
    // This device's own writes need no echo; only what came from the storage is taken in.
    changeEvents: { local: false, window: false, remote: true, conflict: true },
    discovery: { allowPrivateAddresses: true },
  });
  remoteStorage.access.claim(SYNC_MODULE, 'rw');
  remoteStorage.caching.enable(`/${SYNC_MODULE}/`);
  remoteStorage.setSyncInterval(SYNC_INTERVAL_MS);
  const keys = { ...(dropboxAppKey ? { dropbox: dropboxAppKey } : {}), ...(googleClientId ? { googledrive: googleClientId } : {}) };
  if (Object.keys(keys).length > 0) remoteStorage.setApiKeys(keys);
  const client = remoteStorage.scope(`/${SYNC_MODULE}/${site}/`);
  client.declareType(RECORD_TYPE, { type: 'object' });

  /** What the storage holds (as far as this device knows): compared with the local copy to decide what to send. */
  const remoteHighlights = new Map<string, HighlightRecord>();
  const remoteReading = new Map<string, ArticleProgress>();
  const pending = createPendingTracker();
  const listeners = new Set<() => void>();
  let status: SyncStatus = { ...DISCONNECTED };
  let connected = false;

  const setStatus = (changes: Partial<SyncStatus>) => {
    status = { ...status, ...changes, pending: pending.count };
    for (const listener of listeners) listener();
  };

  // ---- Sending: whatever the local copy has newer than the storage, one document per record.
  const send = () => {
    if (!connected) return;
    const now = new Date();
    const highlightRecords = highlightsToSend(highlights.records(), remoteHighlights, now);
    const readingRecords = readingToSend(reading.getSnapshot(), remoteReading);
    for (const record of highlightRecords) {
      const path = highlightDocumentPath(keyOfRecord(record));
      remoteHighlights.set(keyOfRecord(record), record);
      pending.changed(path);
      void client.storeObject(RECORD_TYPE, path, highlightDocument(site, record)).catch(() => pending.changed(path));
    }
    for (const record of readingRecords) {
      const path = readingDocumentPath(record.articleId);
      remoteReading.set(record.articleId, record.entry);
      pending.changed(path);
      void client.storeObject(RECORD_TYPE, path, readingDocument(site, record)).catch(() => pending.changed(path));
    }
    if (highlightRecords.length + readingRecords.length > 0) {
      setStatus({});
      scheduleSync();
    }
  };
  let sendTimer: ReturnType<typeof setTimeout> | undefined;
  const scheduleSend = (delay: number) => {
    clearTimeout(sendTimer);
    sendTimer = setTimeout(send, delay);
  };
  let syncTimer: ReturnType<typeof setTimeout> | undefined;
  /** Pushes soon after a change rather than at the next interval: another device sees it sooner. */
  const scheduleSync = () => {
    clearTimeout(syncTimer);
    syncTimer = setTimeout(() => void remoteStorage.startSync().catch(() => {}), 300);
  };
  // The session lives as long as the page: these subscriptions are never undone.
  highlights.subscribe(() => scheduleSend(0));
  // Reading positions change while scrolling: sent once the reader pauses.
  reading.subscribe(() => scheduleSend(1_500));

  // ---- Receiving: documents from the storage, validated, merged by the two-tab rules.
  let incoming: { path: string; value: unknown; conflict: boolean }[] = [];
  let batchTimer: ReturnType<typeof setTimeout> | undefined;
  const takeIn = () => {
    batchTimer = undefined;
    const batch = incoming;
    incoming = [];
    const highlightRecords: HighlightRecord[] = [];
    const readingRecords: ReadingRecord[] = [];
    let skipped = status.skipped;
    for (const { path, value, conflict } of batch) {
      if (value === undefined) {
        // Gone from the storage without a deletion record (a server that lost it): send it again.
        if (path.startsWith(HIGHLIGHTS_FOLDER)) remoteHighlights.delete(decodeURIComponent(path.slice(HIGHLIGHTS_FOLDER.length)));
        if (path.startsWith(READING_FOLDER)) remoteReading.delete(decodeURIComponent(path.slice(READING_FOLDER.length)));
        continue;
      }
      const parsed = parseRemoteDocument(site, path, value);
      if (!parsed.ok) {
        skipped = { count: (skipped?.count ?? 0) + 1, firstReason: skipped?.firstReason ?? parsed.reason };
        continue;
      }
      if (parsed.record.kind === 'highlight-record') {
        const record = parsed.record.record;
        highlightRecords.push(record);
        // In a conflict the client keeps this device's version; the merged winner is written over both.
        if (conflict) remoteHighlights.delete(keyOfRecord(record));
        else remoteHighlights.set(keyOfRecord(record), record);
      } else {
        const record = parsed.record.record;
        readingRecords.push(record);
        if (conflict) remoteReading.delete(record.articleId);
        else remoteReading.set(record.articleId, record.entry);
      }
    }
    if (highlightRecords.length > 0) highlights.mergeFromElsewhere(storedOfRecords(highlightRecords));
    if (readingRecords.length > 0) reading.update((state) => mergeReadingProgress(state, readingRecords));
    if (skipped !== status.skipped) setStatus({ skipped });
    // Anything the local copy has newer than what arrived goes back.
    scheduleSend(0);
  };
  client.on('change', (value: unknown) => {
    const event = value as ChangeEvent;
    if (event.origin !== 'remote' && event.origin !== 'conflict') return;
    incoming.push({ path: event.relativePath, value: event.newValue, conflict: event.origin === 'conflict' });
    batchTimer ??= setTimeout(takeIn, BATCH_MS);
  });

  /** What the client's cache already holds, so only newer records are sent after a reload. */
  const readCache = async () => {
    const [cachedHighlights, cachedReading] = await Promise.all([client.getAll(HIGHLIGHTS_FOLDER, false), client.getAll(READING_FOLDER, false)]);
    for (const [folder, cached] of [
      [HIGHLIGHTS_FOLDER, cachedHighlights],
      [READING_FOLDER, cachedReading],
    ] as const) {
      if (typeof cached !== 'object' || cached === null) continue;
      for (const [name, value] of Object.entries(cached)) {
        const parsed = parseRemoteDocument(site, folder + name, value);
        if (!parsed.ok) continue;
        if (parsed.record.kind === 'highlight-record') remoteHighlights.set(keyOfRecord(parsed.record.record), parsed.record.record);
        else remoteReading.set(parsed.record.record.articleId, parsed.record.record.entry);
      }
    }
  };

  remoteStorage.on('connecting', () => setStatus({ state: 'connecting', problem: null }));
  remoteStorage.on('connected', () => {
    connected = true;
    setWanted(true);
    setStatus({ state: 'connected', connectedAs: remoteStorage.remote.userAddress || null, problem: null });
    // A cache that cannot be read only means sending more than needed: the merge sorts it out.
    void readCache()
      .catch(() => {})
      .then(() => {
        send();
        remoteStorage.startSync().catch(() => {});
      });
  });
  remoteStorage.on('not-connected', () => {
    if (!connected) setStatus({ state: 'disconnected' });
  });
  remoteStorage.on('disconnected', () => {
    connected = false;
    pending.clear();
    remoteHighlights.clear();
    remoteReading.clear();
    setStatus({ ...DISCONNECTED });
  });
  remoteStorage.on('sync-started', () => pending.syncStarted());
  remoteStorage.on('sync-done', (result: unknown) => {
    if (!(result as { completed?: boolean } | undefined)?.completed) return;
    pending.syncCompleted();
    // A completed sync means the storage is reachable again: a fault it reported is over.
    const cleared = status.problem && status.problem.kind !== 'unauthorized' ? { problem: null } : {};
    setStatus({ lastSyncedAt: new Date().toISOString(), ...cleared });
  });
  remoteStorage.on('network-offline', () => setStatus({ problem: problemOf({ name: 'SyncError' }) }));
  remoteStorage.on('network-online', () => {
    if (status.problem?.kind === 'unreachable') setStatus({ problem: null });
    scheduleSend(0);
  });
  remoteStorage.on('error', (error: unknown) => {
    const problem = problemOf(error instanceof Error ? error : null, { connected });
    const failedToConnect = problem.kind === 'not-found' || problem.kind === 'denied';
    if (failedToConnect) setWanted(false);
    setStatus({ problem, ...(failedToConnect ? { state: 'disconnected' as const } : {}) });
  });

  return {
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    connect(userAddress) {
      setWanted(true);
      setStatus({ state: 'connecting', problem: null });
      remoteStorage.connect(userAddress.trim());
    },
    connectTo(backend) {
      setWanted(true);
      // The client sends the current address as the redirect URI, and Dropbox and Google accept only
      // addresses registered in advance: authorizing from the home page makes it one address per site.
      window.history.replaceState(window.history.state, '', homeUrl);
      remoteStorage[backend].connect();
    },
    reconnect() {
      setStatus({ problem: null });
      remoteStorage.reconnect();
    },
    disconnect() {
      setWanted(false);
      clearTimeout(sendTimer);
      clearTimeout(syncTimer);
      remoteStorage.disconnect();
    },
    syncNow() {
      send();
      remoteStorage.startSync().catch(() => {});
    },
  };
}

