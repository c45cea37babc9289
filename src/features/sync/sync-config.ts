/*
 * Build-time settings of sync, read in the first view: small, and without the sync client itself.
 * VITE_SYNC=off builds the reader without sync; VITE_DROPBOX_APP_KEY and VITE_GOOGLE_CLIENT_ID add
 * the Dropbox and Google Drive buttons (see the README for how to register them).
 */
export const syncEnabled: boolean = import.meta.env.VITE_SYNC !== 'off';
export const dropboxAppKey: string = import.meta.env.VITE_DROPBOX_APP_KEY ?? '';
export const googleClientId: string = import.meta.env.VITE_GOOGLE_CLIENT_ID ?? '';

/** Set while the reader wants this device synced: the sync client is loaded on the next visit only then. */
export const SYNC_WANTED_KEY = 'broadsheet:sync';

/**
 * The page was opened by a storage's authorization page sending the reader back: a token in the
 * fragment (remoteStorage, Google: OAuth implicit grant) or a code in the query (Dropbox: PKCE).
 */
export function isAuthorizationReturn(location: { hash: string; search: string }): boolean {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const query = new URLSearchParams(location.search);
  return fragment.has('access_token') || (fragment.has('error') && fragment.has('state')) || (query.has('code') && query.has('state'));
}
