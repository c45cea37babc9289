import { describe, expect, it } from 'vitest';
import { createPendingTracker, problemOf } from './sync-status.ts';

describe('problemOf', () => {
  it.each([
    [{ name: 'Unauthorized', message: 'App authorization expired or revoked.' }, 'unauthorized'],
    [{ name: 'Error', message: 'HTTP response code 403 received.' }, 'unauthorized'],
    [{ name: 'SyncError', message: 'Sync failed: Network request failed.' }, 'unreachable'],
    [{ name: 'Error', message: 'HTTP response code 507 received.' }, 'quota'],
    [{ name: 'Error', message: 'HTTP response code 502 received.' }, 'server'],
    [{ name: 'DiscoveryError', message: 'No storage information found for this user address.' }, 'not-found'],
    [{ name: 'Error', message: 'something else' }, 'failed'],
    [null, 'failed'],
  ])('sorts %o as %s', (error, kind) => {
    expect(problemOf(error).kind).toBe(kind);
  });

  it('says access was not given when the storage refuses a device that was not connected', () => {
    expect(problemOf({ name: 'Unauthorized', message: 'Authorization failed: access denied' }, { connected: false }).kind).toBe('denied');
    expect(problemOf({ name: 'Unauthorized', message: 'App authorization expired or revoked.' }, { connected: true }).kind).toBe('unauthorized');
  });

  it('tells the reader their highlights are kept whenever storage fails', () => {
    for (const status of [401, 500, 507]) expect(problemOf({ message: `HTTP response code ${status} received.` }).message).toMatch(/kept on this device/);
  });
});

describe('createPendingTracker', () => {
  it('counts changes until a sync that started after them completes', () => {
    const pending = createPendingTracker();
    pending.changed('highlights/a');
    pending.changed('highlights/a');
    pending.syncStarted();
    pending.changed('highlights/b');
    expect(pending.count).toBe(2);
    pending.syncCompleted();
    expect(pending.count).toBe(1);
    pending.syncStarted();
    pending.syncCompleted();
    expect(pending.count).toBe(0);
  });

  it('keeps changes pending through a sync that failed', () => {
    const pending = createPendingTracker();
    pending.changed('highlights/a');
    pending.syncStarted();
    expect(pending.count).toBe(1);
  });
});
