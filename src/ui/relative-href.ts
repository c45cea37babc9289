/**
 * The href from one app path to another, relative, so a page links correctly wherever the site is
 * hosted (/, /reader/, /a/b/c/) with no base known at build time, with or without JavaScript.
 * Paths are app paths ("/article/x/?highlight=1"); a path ending in "/" is a folder.
 */
export function relativeHref(from: string, to: string): string {
  const [toPath = '/', ...rest] = to.split(/(?=[?#])/);
  const suffix = rest.join('');
  const fromFolder = from.slice(0, from.lastIndexOf('/') + 1).split('/').filter(Boolean);
  const target = toPath.split('/').filter(Boolean);
  const targetIsFolder = toPath.endsWith('/');
  let shared = 0;
  while (shared < fromFolder.length && shared < target.length && fromFolder[shared] === target[shared]) shared += 1;
  // The target itself is a folder we are in: stop short of it so the last segment is named.
  if (!targetIsFolder && shared === target.length && shared > 0) shared -= 1;
  const up = fromFolder.length - shared;
  const down = target.slice(shared).join('/');
  const path = `${'../'.repeat(up)}${down}${down && targetIsFolder ? '/' : ''}`;
  // "a:b/" would read as a URL with the scheme "a:": anchor such a path to this folder.
  const safe = up === 0 && /^[^/]*:/.test(path) ? `./${path}` : path;
  return (safe || './') + suffix;
}
