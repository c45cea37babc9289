declare module 'virtual:articles' {
  import type { CorpusManifest } from './domain/articles/corpus-layout.ts';
  /** Where the collection's data files are, and how many articles there are: for the prerender (the browser's app loads build.json instead). */
  export const manifest: CorpusManifest;
}

interface ImportMetaEnv {
  /** "off" builds the reader without sync. */
  readonly VITE_SYNC?: string;
  /** Adds "Connect Dropbox" to Settings › Sync. */
  readonly VITE_DROPBOX_APP_KEY?: string;
  /** Adds "Connect Google Drive" to Settings › Sync. */
  readonly VITE_GOOGLE_CLIENT_ID?: string;
}
