/**
 * Which hosted reader a synced record belongs to. Two readers (two collections of articles) synced
 * to one account must not mix, so every record lives under a folder named after where the reader is
 * hosted: its host and base path, e.g. `news.example.org/reader/` → `news.example.org-reader`.
 * The name is a single path segment of safe characters, so it needs no escaping in a storage URL.
 */
export function siteNamespace(host: string, basePath: string): string {
  const raw = `${host}${basePath}`.toLowerCase();
  const safe = raw
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^\.+/, '');
  return safe || 'site';
}
