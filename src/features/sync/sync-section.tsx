import { useId, useState, type FormEvent } from 'react';
import type { SyncStatus } from '../../domain/sync/sync-status.ts';
import { dropboxAppKey, googleClientId } from './sync-config.ts';
import { loadSyncSession } from './sync-loader.ts';
import type { SyncSession } from './sync-session.ts';
import { useSyncSession, useSyncStatus } from './use-sync-session.ts';

const buttonClass = 'min-h-11 rounded-md border border-stone-400 px-3 text-sm font-medium hover:bg-stone-100 dark:border-stone-500 dark:hover:bg-stone-700';
/** A reason from a document the storage sent: shown as text, and never at length. */
const MAX_REASON_LENGTH = 160;

function formatTime(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

function ConnectedStatus({ status }: { status: SyncStatus }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
      <dt className="font-medium">Connected as</dt>
      <dd className="min-w-0 break-words">{status.connectedAs ?? 'your storage'}</dd>
      <dt className="font-medium">Last synced</dt>
      <dd>{status.lastSyncedAt ? <time dateTime={status.lastSyncedAt}>{formatTime(status.lastSyncedAt)}</time> : 'Not yet'}</dd>
      <dt className="font-medium">Waiting to send</dt>
      <dd>{status.pending === 0 ? 'Nothing' : `${status.pending} change${status.pending === 1 ? '' : 's'}`}</dd>
    </dl>
  );
}

/**
 * Settings › Sync: connect this device to storage the reader owns (remoteStorage, or Dropbox /
 * Google Drive where the site was built with their keys), see how sync is going, disconnect.
 */
export function SyncSection() {
  const headingId = useId();
  const addressId = useId();
  const [session, setSession] = useSyncSession();
  const status = useSyncStatus(session);
  const [address, setAddress] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);

  const withSession = (action: (started: SyncSession) => void) => {
    setLoadError(null);
    loadSyncSession().then(
      (started) => {
        setSession(started);
        action(started);
      },
      () => setLoadError('Sync could not be loaded. Check your connection and try again.'),
    );
  };
  const connect = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = address.trim();
    if (!/^[^@\s]+@[^@\s]+$/.test(trimmed)) {
      setLoadError('Write your storage address as user@host, for example reader@5apps.com.');
      return;
    }
    withSession((started) => started.connect(trimmed));
  };

  const problem = loadError ?? status.problem?.message ?? null;
  return (
    <section aria-labelledby={headingId} className="mt-6 border-t border-stone-200 pt-4 dark:border-stone-700">
      <h3 id={headingId} className="text-lg font-semibold">
        Sync
      </h3>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        Keep your highlights, notes, reading positions and read articles the same on all your devices, in storage you own. Reader settings stay per device.
      </p>
      <div className="mt-3 flex flex-col gap-3">
        {status.state === 'connected' && <ConnectedStatus status={status} />}
        {/* Only news is announced: connecting, a fault, skipped records; not each sync's time. */}
        <div role="status" className="flex flex-col gap-3 empty:hidden">
          {status.state === 'connecting' && <p className="text-sm">Connecting…</p>}
          {problem && <p className="rounded-md border border-amber-600 bg-amber-50 p-2 text-sm dark:bg-amber-950">{problem}</p>}
          {status.skipped && (
            <p className="rounded-md border border-amber-600 bg-amber-50 p-2 text-sm dark:bg-amber-950">
              {status.skipped.count} record{status.skipped.count === 1 ? '' : 's'} from your storage could not be read and {status.skipped.count === 1 ? 'was' : 'were'}{' '}
              left out: {status.skipped.firstReason.slice(0, MAX_REASON_LENGTH)}
            </p>
          )}
        </div>
      </div>
      {status.state === 'connected' ? (
        <div className="mt-3 flex flex-wrap gap-2">
          {status.problem?.kind === 'unauthorized' && (
            <button type="button" className={buttonClass} onClick={() => session?.reconnect()}>
              Reconnect
            </button>
          )}
          <button type="button" className={buttonClass} onClick={() => session?.syncNow()}>
            Sync now
          </button>
          <button type="button" className={buttonClass} onClick={() => session?.disconnect()}>
            Disconnect
          </button>
        </div>
      ) : (
        <>
          <form className="mt-3 flex flex-col gap-1" onSubmit={connect}>
            <label htmlFor={addressId} className="text-sm font-medium">
              Your remoteStorage address
            </label>
            <div className="flex flex-wrap gap-2">
              <input
                id={addressId}
                type="text"
                inputMode="email"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                placeholder="you@example.com"
                value={address}
                onChange={(event) => setAddress(event.target.value)}
                className="min-h-11 min-w-0 flex-1 rounded-md border border-stone-400 bg-transparent px-3 dark:border-stone-500"
              />
              <button type="submit" className={buttonClass} disabled={status.state === 'connecting'}>
                Connect
              </button>
            </div>
          </form>
          {(dropboxAppKey || googleClientId) && (
            <div className="mt-3 flex flex-wrap gap-2">
              {dropboxAppKey && (
                <button type="button" className={buttonClass} onClick={() => withSession((started) => started.connectTo('dropbox'))}>
                  Connect Dropbox
                </button>
              )}
              {googleClientId && (
                <button type="button" className={buttonClass} onClick={() => withSession((started) => started.connectTo('googledrive'))}>
                  Connect Google Drive
                </button>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}
