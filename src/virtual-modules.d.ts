declare module 'virtual:articles' {
  import type { ArticleEntry, CorpusManifest } from './domain/articles/corpus-layout.ts';
  /** Where the collection's data files are, and how many articles there are. */
  export const manifest: CorpusManifest;
  /** The list's first page in file order, carried by the app so the list paints without a fetch. */
  export const firstPage: readonly ArticleEntry[];
}

interface ImportMetaEnv {
  /** "off" builds the reader without sync. */
  readonly VITE_SYNC?: string;
  /** Adds "Connect Dropbox" to Settings › Sync. */
  readonly VITE_DROPBOX_APP_KEY?: string;
  /** Adds "Connect Google Drive" to Settings › Sync. */
  readonly VITE_GOOGLE_CLIENT_ID?: string;
}
